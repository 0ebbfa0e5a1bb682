import { container } from '@sapphire/framework';
import type { ReplyContent } from '../discord/replies';
import { logger } from '../logging/logger';
import { isActive, type LoadedPlugin } from './LoadedPlugin';

const CORE_COMMANDS = '`/plugins`, `/settings`, `/help`, `/status`, `/privacy` and `/ping`';

function statusLine(plugin: LoadedPlugin, guildId: string): string {
  if (!isActive(plugin)) return `⚠️ **${plugin.name}**: failed to load (${plugin.error ?? 'unknown reason'})`;
  const on = container.mellow.pluginStates.isEnabled(plugin, guildId);
  return `${on ? '✅' : '⛔'} **${plugin.name}** ${plugin.manifest.version}: ${plugin.manifest.description}`;
}

export function listPlugins(guildId: string): ReplyContent {
  const { all } = container.mellow.plugins;
  if (all.length === 0) return { outcome: 'info', title: 'Plugins', description: 'No plugins are installed.' };
  return {
    outcome: 'info',
    title: 'Plugins on this server',
    description: [
      ...all.map((plugin) => statusLine(plugin, guildId)),
      '',
      `Core commands (${CORE_COMMANDS}) are always on.`,
    ].join('\n'),
  };
}

/** Finds a plugin by name, or explains what went wrong and what exists. */
function lookup(name: string): { plugin: LoadedPlugin } | { problem: ReplyContent } {
  const wanted = name.trim().toLowerCase();
  const { all } = container.mellow.plugins;
  const plugin = all.find((candidate) => candidate.name === wanted);
  if (plugin) return { plugin };
  if (wanted === 'core') {
    return {
      problem: {
        outcome: 'warning',
        title: 'Core is always on',
        description: `Core commands (${CORE_COMMANDS}) can't be disabled.`,
      },
    };
  }
  const names = all.map((candidate) => `\`${candidate.name}\``).join(', ') || 'none';
  return {
    problem: {
      outcome: 'error',
      title: 'No such plugin',
      description: `There is no plugin named \`${wanted.slice(0, 40) || '(empty)'}\`. Installed plugins: ${names}. Try \`/plugins list\`.`,
    },
  };
}

export function describePlugin(name: string, guildId: string): ReplyContent {
  const found = lookup(name);
  if ('problem' in found) return found.problem;
  const { plugin } = found;
  const manifest = plugin.manifest;
  const details = [
    statusLine(plugin, guildId),
    `Source: ${plugin.builtIn ? 'built in' : plugin.source}`,
    manifest ? `Needs core ${manifest.core}` : '',
    manifest?.dataCollected ? `Stores: ${manifest.dataCollected}` : '',
  ];
  return {
    outcome: isActive(plugin) ? 'info' : 'warning',
    title: `Plugin: ${plugin.name}`,
    description: details.filter(Boolean).join('\n'),
  };
}

/** With guild-scoped commands, the plugin's commands appear or vanish in this guild's picker. */
async function syncGuildCommands(guildId: string): Promise<void> {
  try {
    await container.mellow.guildCommands?.syncGuild(guildId);
  } catch (error) {
    logger.warn(`Could not update the commands of guild ${guildId}`, { error });
  }
}

export async function togglePlugin(
  name: string,
  guildId: string,
  enabled: boolean,
  actorId: string,
): Promise<ReplyContent> {
  const found = lookup(name);
  if ('problem' in found) return found.problem;
  const { plugin } = found;
  if (!isActive(plugin)) {
    return {
      outcome: 'error',
      title: `${plugin.name} is not running`,
      description: `The ${plugin.name} plugin failed to load (${plugin.error}), so it can't be switched. Ask the bot's operator to check the logs.`,
    };
  }
  const changed = await container.mellow.pluginStates.setEnabled(guildId, plugin, enabled, actorId);
  const verb = enabled ? 'enabled' : 'disabled';
  if (!changed)
    return {
      outcome: 'info',
      title: `Already ${verb}`,
      description: `The ${plugin.name} plugin is already ${verb} here.`,
    };
  container.mellow.systemLog.record({
    type: 'plugin',
    title: `Plugin ${plugin.name} ${verb}`,
    guildId,
    userId: actorId,
  });
  await syncGuildCommands(guildId);
  return {
    outcome: 'success',
    title: `${plugin.name} ${verb}`,
    description: enabled
      ? `The ${plugin.name} plugin is now on for this server.`
      : `The ${plugin.name} plugin is now off for this server: its commands, buttons, events and scheduled jobs stop here. Its data is kept; \`/plugins enable ${plugin.name}\` brings it back.`,
  };
}

/** Plugin names for autocomplete, filtered by what the user typed. */
export function pluginChoices(typed: string): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  return container.mellow.plugins.all
    .filter((plugin) => plugin.name.includes(query))
    .slice(0, 25)
    .map((plugin) => ({
      name: plugin.status === 'failed' ? `${plugin.name} (failed to load)` : plugin.name,
      value: plugin.name,
    }));
}
