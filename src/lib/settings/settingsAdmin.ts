import { container } from '@sapphire/framework';
import { type Guild, type GuildBasedChannel, PermissionFlagsBits } from 'discord.js';
import type { ReplyContent } from '../discord/replies';

export function viewSettings(guildId: string): ReplyContent {
  const { settings } = container.mellow;
  const current = settings.get(guildId);
  return {
    outcome: 'info',
    title: 'Server settings',
    description: [
      `**Prefix:** \`${settings.prefixFor(guildId)}\`${current.prefix ? '' : ' (the default)'}`,
      `**Log channel:** ${current.logChannelId ? `<#${current.logChannelId}>` : 'none'}`,
    ].join('\n'),
  };
}

export async function setPrefix(guildId: string, raw: string, actorId: string): Promise<ReplyContent> {
  const prefix = raw.trim();
  if (!prefix || prefix.length > 10 || /\s/.test(prefix) || /[@#<>`]/.test(prefix)) {
    return {
      outcome: 'error',
      title: 'That prefix will not work',
      description: 'A prefix is 1 to 10 characters with no spaces, and none of @ # < > `. For example `!` or `m!`.',
    };
  }
  await container.mellow.settings.update(guildId, { prefix });
  container.mellow.systemLog.record({ type: 'settings', title: `Prefix set to ${prefix}`, guildId, userId: actorId });
  return {
    outcome: 'success',
    title: 'Prefix saved',
    description: `Message commands now start with \`${prefix}\`, for example \`${prefix}help\`.`,
  };
}

const LOG_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

export async function setLogChannel(
  guild: Guild,
  channel: GuildBasedChannel | null,
  actorId: string,
): Promise<ReplyContent> {
  if (channel && !channel.isSendable()) {
    return { outcome: 'error', title: 'Not a text channel', description: 'Pick a text channel the bot can post in.' };
  }
  if (channel) {
    const me = guild.members.me ?? (await guild.members.fetchMe());
    const permissions = channel.permissionsFor(me);
    const missing = LOG_PERMISSIONS.filter(([flag]) => !permissions.has(flag)).map(([, name]) => name);
    if (missing.length > 0) {
      return {
        outcome: 'error',
        title: 'The bot cannot post there',
        description: `In <#${channel.id}> the bot is missing: ${missing.join(', ')}. Grant them in the channel's permissions, then try again.`,
      };
    }
  }
  await container.mellow.settings.update(guild.id, { logChannelId: channel?.id ?? null });
  container.mellow.systemLog.record({
    type: 'settings',
    title: channel ? `Log channel set to #${channel.name}` : 'Log channel cleared',
    guildId: guild.id,
    userId: actorId,
  });
  return channel
    ? {
        outcome: 'success',
        title: 'Log channel saved',
        description: `Bot events for this server now also go to <#${channel.id}>.`,
      }
    : {
        outcome: 'success',
        title: 'Log channel cleared',
        description: 'Bot events are no longer posted to a channel.',
      };
}
