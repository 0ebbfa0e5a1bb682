import { PermissionFlagsBits } from 'discord.js';
import type { EmulatorContext } from '../context';
import { Errors } from '../errors';
import { channelPermissions } from '../permissions';
import type { ChannelRecord } from '../state';

/**
 * Throws like Discord when the bot may not act in a channel: 50001 Missing Access when it cannot
 * see the channel, 50013 Missing Permissions when it lacks one of `required`.
 */
export function requireBotPermissions(ctx: EmulatorContext, channel: ChannelRecord, required: bigint): void {
  if (!channel.guildId) return;
  requireBotInGuild(ctx, channel.guildId);
  const perms = channelPermissions(ctx.state, channel, ctx.config.botUserId);
  if (!(perms & PermissionFlagsBits.ViewChannel)) throw Errors.missingAccess();
  if ((perms & required) !== required) throw Errors.missingPermissions();
}

/** 10004 for a guild that does not exist, 50001 for one the bot is not in (see `emu.guilds.removeBot`). */
export function requireBotInGuild(ctx: EmulatorContext, guildId: string): void {
  if (!ctx.state.guild(guildId).members.has(ctx.config.botUserId)) throw Errors.missingAccess();
}

/** The bot's permissions in a channel (all DM permissions in DMs). */
export function botPermissions(ctx: EmulatorContext, channel: ChannelRecord): bigint {
  return channelPermissions(ctx.state, channel, ctx.config.botUserId);
}

/** A channel the bot can see: 10003 when it does not exist, 50001 when hidden from the bot. */
export function visibleChannel(ctx: EmulatorContext, channelId: string): ChannelRecord {
  const channel = ctx.state.channel(channelId);
  requireBotPermissions(ctx, channel, 0n);
  return channel;
}

/** Highest role position of a member (0 for @everyone only); the owner outranks everyone. */
export function highestRolePosition(ctx: EmulatorContext, guildId: string, userId: string): number {
  const guild = ctx.state.guild(guildId);
  if (guild.ownerId === userId) return Number.MAX_SAFE_INTEGER;
  const member = guild.members.get(userId);
  return Math.max(0, ...(member?.roleIds ?? []).map((id) => guild.roles.get(id)?.position ?? 0));
}
