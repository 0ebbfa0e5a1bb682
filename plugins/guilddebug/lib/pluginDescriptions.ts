import { container } from '@sapphire/framework';
import type { PermissionResolvable } from 'discord.js';
import { type PluginChannel, redactor } from 'mellow';

export type SettingValue = string | number | boolean | null;

/** What diagnostics and the settings view know about one plugin in one guild. */
export interface PluginDescription {
  name: string;
  status: 'enabled' | 'disabled' | 'failed';
  error?: string;
  permissions: PermissionResolvable[];
  settings: Record<string, SettingValue>;
  channels: PluginChannel[];
  describeFailed: boolean;
}

/**
 * Every plugin's state in a guild, with its own description of its setup (its `describeGuild`
 * hook, when it has one). Values are redacted: a plugin may hold secrets in its settings.
 */
export async function describePlugins(guildId: string): Promise<PluginDescription[]> {
  const { plugins, pluginStates } = container.mellow;
  return Promise.all(
    plugins.all.map(async (plugin): Promise<PluginDescription> => {
      const base = { name: plugin.name, permissions: [], settings: {}, channels: [], describeFailed: false };
      const active = plugins.getActive(plugin.name);
      if (!active) return { ...base, status: 'failed', error: redactor.redact(plugin.error ?? 'did not load') };
      if (!pluginStates.isEnabled(active, guildId)) return { ...base, status: 'disabled' };
      const permissions = active.manifest.permissions ?? [];
      const hook = active.manifest.hooks?.describeGuild;
      if (!hook) return { ...base, status: 'enabled', permissions };
      try {
        const described = await hook(guildId, active.context);
        return {
          ...base,
          status: 'enabled',
          permissions,
          settings: redactor.redactValue({ ...described.settings }),
          channels: described.channels ?? [],
        };
      } catch (error) {
        active.context.logger.warn(`describeGuild failed for guild ${guildId}`, { error });
        return { ...base, status: 'enabled', permissions, describeFailed: true };
      }
    }),
  );
}
