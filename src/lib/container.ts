import type { MellowConfig } from '../../config';
import type { Orm } from './database/orm';
import type { Metrics } from './http/metrics';
import type { SystemLogService } from './logging/SystemLogService';
import type { PluginGate } from './plugins/gate';
import type { GuildCommandSync } from './plugins/GuildCommandSync';
import type { PluginRegistry } from './plugins/PluginRegistry';
import type { PluginStateService } from './plugins/PluginStateService';
import type { InFlightTracker } from './runtime/InFlightTracker';
import type { SchedulerMonitor } from './scheduler/SchedulerMonitor';
import type { GuildSettingsService } from './settings/GuildSettingsService';

/** The core services every piece reaches through `this.container.mellow`. */
export interface MellowServices {
  config: MellowConfig;
  orm: Orm;
  plugins: PluginRegistry;
  pluginStates: PluginStateService;
  gate: PluginGate;
  settings: GuildSettingsService;
  systemLog: SystemLogService;
  metrics: Metrics;
  scheduler: SchedulerMonitor;
  inFlight: InFlightTracker;
  /** Set when COMMAND_SCOPE=guild: plugin commands are registered per guild. */
  guildCommands: GuildCommandSync | null;
  startedAt: number;
}

declare module '@sapphire/pieces' {
  interface Container {
    mellow: MellowServices;
  }
}
