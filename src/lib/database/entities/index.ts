import { GuildSettings } from './GuildSettings';
import { PluginState } from './PluginState';
import { SystemLog } from './SystemLog';

export { GuildSettings, PluginState, SystemLog };
export * from './SystemLog';

export const coreEntities = [GuildSettings, PluginState, SystemLog];
