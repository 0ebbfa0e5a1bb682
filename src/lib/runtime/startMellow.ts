import { SecretBox, loadKeys, setSecretBox } from '../crypto';
import type { Server } from 'node:http';
import { container } from '@sapphire/framework';
import { Status } from 'discord.js';
import { secretsOf } from '../../../config/build';
import type { MellowConfig } from '../../../config';
import { type ClientOverrides, MellowClient } from '../../client';
import type { MellowServices } from '../container';
import { ChangeFeed } from '../database/ChangeFeed';
import { startEmbeddedPostgres } from '../database/embedded';
import { pingDatabase } from '../database/orm';
import { checkHealth } from '../http/health';
import { Metrics } from '../http/metrics';
import { startHttpServer } from '../http/server';
import { createLogger, logger, setLogger } from '../logging/logger';
import { redactor } from '../logging/redact';
import { SystemLogService } from '../logging/SystemLogService';
import { PluginGate } from '../plugins/gate';
import { GuildCommandSync } from '../plugins/GuildCommandSync';
import { PluginStateService } from '../plugins/PluginStateService';
import { setupPlugins } from '../plugins/setup';
import { installMellowModuleAlias } from '../plugins/moduleAlias';
import { reconcileScheduledWork } from '../scheduler/reconcile';
import { redisOptionsFromUrl } from '../scheduler/redisOptions';
import { SchedulerMonitor } from '../scheduler/SchedulerMonitor';
import { GuildSettingsService } from '../settings/GuildSettingsService';
import { InFlightTracker } from './InFlightTracker';
import { mirrorToLogChannel } from './logChannel';
import { OpenResources, runShutdown } from './shutdown';

export interface StartOptions {
  client?: ClientOverrides;
  /** Bind /health and /metrics here (tests use 127.0.0.1). */
  httpHost?: string;
  /** Overrides HEALTH_PORT; 0 here means a random free port rather than off (for tests). */
  httpPort?: number;
}

export interface Mellow {
  client: MellowClient;
  services: MellowServices;
  http: Server | null;
  stop(): Promise<void>;
}

/** Starts everything in order: logging, database, plugins, services, the Discord client, then HTTP. */
export async function startMellow(config: MellowConfig, options: StartOptions = {}): Promise<Mellow> {
  setLogger(createLogger(config.logLevel, config.logFormat));
  redactor.add(secretsOf(config));
  const keys = loadKeys(config.encryptionKey, config.encryptionOldKeys, config.dataDir);
  setSecretBox(new SecretBox(keys.current, keys.previous));
  installMellowModuleAlias();
  const resources = new OpenResources();
  try {
    return await start(config, options, resources);
  } catch (error) {
    await runShutdown(resources.closing());
    throw error;
  }
}

async function start(config: MellowConfig, options: StartOptions, resources: OpenResources): Promise<Mellow> {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(config.dataDir);
    resources.add('embedded PostgreSQL', () => embedded.stop());
    databaseUrl = embedded.url;
  }

  const { orm, registry } = await setupPlugins(config, databaseUrl);
  resources.add('database', () => orm.close());
  // The client does not exist yet: these callbacks find it through the container once it does.
  const metrics = new Metrics(() => (container.client ? container.client.ws.ping : -1));
  metrics.pluginLoadFailures.set(registry.failed.length);
  const pluginStates = new PluginStateService(orm);
  const settings = new GuildSettingsService(orm, config.messagePrefix);
  await Promise.all([pluginStates.loadAll(), settings.loadAll()]);

  const scheduler = new SchedulerMonitor(redisOptionsFromUrl(config.redisUrl), () => {
    if (container.client?.isReady()) void reconcileScheduledWork(registry);
  });
  const services: MellowServices = {
    config,
    orm,
    plugins: registry,
    pluginStates,
    gate: new PluginGate(registry, pluginStates, metrics),
    settings,
    systemLog: new SystemLogService(orm, {
      retentionDays: config.systemLogRetentionDays,
      mirror: (event) => mirrorToLogChannel(services, event),
    }),
    metrics,
    scheduler,
    inFlight: new InFlightTracker(),
    guildCommands: config.commandScope === 'guild' ? new GuildCommandSync(registry, pluginStates) : null,
    startedAt: Date.now(),
  };
  container.mellow = services;
  services.systemLog.start();
  resources.add('system log', () => services.systemLog.stop());
  const feed = new ChangeFeed(
    databaseUrl,
    ({ guildId, scope }) => (scope === 'plugins' ? pluginStates.reloadGuild(guildId) : settings.reloadGuild(guildId)),
    async () => {
      await Promise.all([pluginStates.loadAll(), settings.loadAll()]);
    },
  );
  await feed.start();
  resources.add('state feed', () => feed.stop());
  await scheduler.start();
  resources.add('scheduler monitor', () => scheduler.stop());

  const client = new MellowClient(services, options.client);
  resources.add('Discord client', () => client.destroy());
  // Closed before the client, so a job that is running can still reach Discord.
  resources.add('scheduler queue', () => container.tasks.close());
  services.inFlight.attach(client);
  await client.login(config.discordToken);

  const probes = {
    gateway: () => ({ up: client.ws.status === Status.Ready, latencyMs: client.ws.ping }),
    database: () => pingDatabase(orm),
    scheduler: () => scheduler.ping(),
  };
  const serveHttp = options.httpPort !== undefined || config.healthPort !== 0;
  const http = serveHttp
    ? await startHttpServer({
        port: options.httpPort ?? config.healthPort,
        host: options.httpHost,
        metrics,
        health: () => checkHealth(probes, services.startedAt),
      })
    : null;
  if (http) resources.add('HTTP server', () => closeHttp(http));

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('Shutting down: no new work is taken');
      const problems = await runShutdown([
        // The gateway closes first so no new events arrive; REST stays up for replies in flight.
        { name: 'gateway', run: () => (client.ws as unknown as { destroy(): Promise<void> }).destroy() },
        {
          name: 'running commands',
          run: () => drainCommands(services.inFlight, config.shutdownTimeoutMs),
          timeoutMs: config.shutdownTimeoutMs + 1000,
        },
        ...resources.closing(),
      ]);
      if (problems.length === 0) logger.info('Shut down cleanly');
      else logger.warn(`Shut down; these did not close in time: ${problems.join(', ')}`);
    })());
  return { client, services, http, stop };
}

async function drainCommands(inFlight: InFlightTracker, timeoutMs: number): Promise<void> {
  const left = await inFlight.drain(timeoutMs);
  if (left > 0) logger.warn(`${left} command(s) were still running after ${timeoutMs} ms; stopping anyway`);
}

function closeHttp(http: Server | null): Promise<void> {
  if (!http) return Promise.resolve();
  http.closeAllConnections();
  return new Promise((resolve) => http.close(() => resolve()));
}
