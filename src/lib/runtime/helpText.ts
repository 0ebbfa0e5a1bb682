import { container, type Command } from '@sapphire/framework';
import type { ReplyContent } from '../discord/replies';

/** Commands grouped by plugin, leaving out plugins that are off in this guild. */
export function helpText(guildId: string | null): ReplyContent {
  const { plugins, pluginStates, settings } = container.mellow;
  const groups = new Map<string, Command[]>();
  for (const command of container.stores.get('commands').values()) {
    const owner = plugins.ownerOf(command);
    if (owner && !pluginStates.isEnabled(owner, guildId)) continue;
    const group = owner?.name ?? 'core';
    groups.set(group, [...(groups.get(group) ?? []), command]);
  }
  const prefix = settings.prefixFor(guildId);
  const sections = [...groups.entries()]
    .sort(([a], [b]) => (a === 'core' ? -1 : b === 'core' ? 1 : a.localeCompare(b)))
    .map(([group, commands]) => {
      const lines = commands
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((command) => `\`/${command.name}\` ${command.description}`);
      return `**${group}**\n${lines.join('\n')}`;
    });
  return {
    outcome: 'info',
    title: 'Mellow commands',
    description: `${sections.join('\n\n')}\n\nMessage commands work too, with the prefix \`${prefix}\` (for example \`${prefix}ping\`).`,
  };
}
