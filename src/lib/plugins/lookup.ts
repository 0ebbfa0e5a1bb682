import { container } from '@sapphire/framework';
import type { PluginContext } from './definePlugin';

/**
 * A running plugin's context (its parsed config, logger and `em()`), for its own pieces and
 * services. Throws when the plugin is not running, which inside its own pieces cannot happen.
 */
export function pluginContext<Config>(name: string): PluginContext<Config> {
  const plugin = container.mellow.plugins.getActive(name);
  if (!plugin) throw new Error(`The ${name} plugin is not running`);
  return plugin.context as PluginContext<Config>;
}

/**
 * Whether another plugin is running and switched on in a guild (null: outside any guild), so one
 * plugin can offer another's features only where users can reach them.
 */
export function pluginEnabledIn(name: string, guildId: string | null): boolean {
  const plugin = container.mellow.plugins.getActive(name);
  return plugin !== undefined && container.mellow.pluginStates.isEnabled(plugin, guildId);
}
