import { container } from '@sapphire/framework';
import type { Guild } from 'discord.js';
import { redactor, type ReplyContent } from 'mellow';
import { describePlugins, type SettingValue } from './pluginDescriptions';

const shown = (value: SettingValue) => (value === null || value === '' ? '—' : `\`${String(value).slice(0, 200)}\``);

/** Every core and plugin setting of a guild, in one view. */
export async function settingsView(guild: Guild): Promise<ReplyContent> {
  const { settings } = container.mellow;
  const core = settings.get(guild.id);
  const lines = [
    '**core**',
    `• prefix: \`${settings.prefixFor(guild.id)}\`${core.prefix ? '' : ' (the default)'}`,
    `• log channel: ${core.logChannelId ? `<#${core.logChannelId}>` : '—'}`,
  ];
  for (const plugin of await describePlugins(guild.id)) {
    const state = plugin.status === 'enabled' ? 'on' : plugin.status === 'disabled' ? 'off' : 'failed to load';
    lines.push('', `**${plugin.name}** (${state})`);
    if (plugin.describeFailed) lines.push('• could not report its settings');
    for (const [name, value] of Object.entries(plugin.settings)) lines.push(`• ${name}: ${shown(value)}`);
    for (const channel of plugin.channels) {
      lines.push(`• ${channel.label}: ${channel.channelId ? `<#${channel.channelId}>` : '—'}`);
    }
  }
  return {
    outcome: 'info',
    title: `Settings of ${guild.name}`.slice(0, 256),
    description: redactor.redact(lines.join('\n')),
  };
}
