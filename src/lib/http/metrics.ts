import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The bot's Prometheus metrics, on a registry of its own (never prom-client's global one). */
export class Metrics {
  public readonly registry = new Registry();

  public readonly commands = new Counter({
    name: 'mellow_commands_total',
    help: 'Commands handled, by command, plugin and outcome (success, error, denied)',
    labelNames: ['command', 'plugin', 'outcome'] as const,
    registers: [this.registry],
  });

  public readonly commandDuration = new Histogram({
    name: 'mellow_command_duration_seconds',
    help: 'Time from a command being accepted to its run finishing',
    labelNames: ['command', 'plugin'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  public readonly pluginLoadFailures = new Gauge({
    name: 'mellow_plugin_load_failures',
    help: 'Plugins that failed to load at startup',
    registers: [this.registry],
  });

  public readonly gatedEvents = new Counter({
    name: 'mellow_plugin_gated_total',
    help: 'Plugin work skipped because the plugin is disabled in that guild, by plugin and kind',
    labelNames: ['plugin', 'kind'] as const,
    registers: [this.registry],
  });

  public constructor(gatewayPing: () => number) {
    new Gauge({
      name: 'mellow_gateway_ping_seconds',
      help: 'Discord gateway heartbeat round trip',
      registers: [this.registry],
      collect() {
        const ping = gatewayPing();
        if (ping >= 0) this.set(ping / 1000);
      },
    });
    // Includes nodejs_eventloop_lag_seconds and friends.
    collectDefaultMetrics({ register: this.registry });
  }
}
