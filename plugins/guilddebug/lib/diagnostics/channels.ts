import { type Guild, type GuildMember, PermissionFlagsBits } from 'discord.js';
import type { PluginChannel } from 'mellow';
import { discordCode } from '../discordErrors';
import { missingPermissions } from './permissions';

export type ChannelState = 'ok' | 'unset' | 'missing' | 'no-access' | 'lacking';

export interface ChannelCheck {
  label: string;
  channelId: string | null;
  state: ChannelState;
  /** Permission names the bot lacks there (state 'lacking'). */
  missing: string[];
}

/** Whether a configured channel exists in the guild and the bot may do there what the plugin needs. */
export async function checkChannel(guild: Guild, me: GuildMember, wanted: PluginChannel): Promise<ChannelCheck> {
  const base = { label: wanted.label, channelId: wanted.channelId, missing: [] as string[] };
  if (!wanted.channelId) return { ...base, state: 'unset' };
  let channel;
  try {
    channel = guild.channels.cache.get(wanted.channelId) ?? (await guild.channels.fetch(wanted.channelId));
  } catch (error) {
    const code = discordCode(error);
    if (code === 10003) return { ...base, state: 'missing' };
    if (code === 50001) return { ...base, state: 'no-access', missing: ['View Channel'] };
    throw error;
  }
  if (!channel || channel.guildId !== guild.id) return { ...base, state: 'missing' };
  const permissions = channel.permissionsFor(me);
  if (!permissions.has(PermissionFlagsBits.ViewChannel))
    return { ...base, state: 'no-access', missing: ['View Channel'] };
  const missing = missingPermissions(permissions, wanted.permissions);
  return { ...base, state: missing.length > 0 ? 'lacking' : 'ok', missing };
}
