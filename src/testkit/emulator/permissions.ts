import { PermissionFlagsBits } from 'discord.js';
import { type ChannelRecord, type EmulatorState, type GuildRecord } from './state';

const P = PermissionFlagsBits;

/** Every permission bit discord.js knows. */
export const ALL_PERMISSIONS = Object.values(P).reduce((all, bit) => all | bit, 0n);

/** What @everyone gets in a new Discord server. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  P.ViewChannel |
  P.CreateInstantInvite |
  P.ChangeNickname |
  P.SendMessages |
  P.SendMessagesInThreads |
  P.CreatePublicThreads |
  P.CreatePrivateThreads |
  P.EmbedLinks |
  P.AttachFiles |
  P.AddReactions |
  P.UseExternalEmojis |
  P.UseExternalStickers |
  P.MentionEveryone |
  P.ReadMessageHistory |
  P.UseApplicationCommands |
  P.Connect |
  P.Speak |
  P.Stream |
  P.UseVAD;

/** What the bot's managed role gets unless a test says otherwise: a typical invite, no Administrator. */
export const DEFAULT_BOT_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.SendMessagesInThreads |
  P.CreatePublicThreads |
  P.CreatePrivateThreads |
  P.ManageThreads |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.AddReactions |
  P.UseExternalEmojis |
  P.ManageMessages |
  P.ManageRoles |
  P.CreateInstantInvite;

/** Guild-level permissions of a member: @everyone plus every role; the owner and Administrator get all. */
export function basePermissions(guild: GuildRecord, userId: string): bigint {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  let perms = guild.roles.get(guild.id)?.permissions ?? 0n;
  for (const roleId of member?.roleIds ?? []) perms |= guild.roles.get(roleId)?.permissions ?? 0n;
  return perms & P.Administrator ? ALL_PERMISSIONS : perms;
}

/** Permissions in a channel, following Discord's overwrite order (everyone, roles, member). */
export function channelPermissions(state: EmulatorState, channel: ChannelRecord, userId: string): bigint {
  if (!channel.guildId) {
    return P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.EmbedLinks | P.AttachFiles | P.AddReactions;
  }
  const guild = state.guild(channel.guildId);
  const base = basePermissions(guild, userId);
  if (base & P.Administrator) return ALL_PERMISSIONS;
  // Threads inherit their parent's overwrites.
  const source = isThread(channel) && channel.parentId ? (state.channels.get(channel.parentId) ?? channel) : channel;
  const member = guild.members.get(userId);
  let perms = base;
  const everyone = source.overwrites.find((o) => o.id === guild.id);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of source.overwrites) {
    if (o.type === 0 && member?.roleIds.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const own = source.overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) perms = (perms & ~own.deny) | own.allow;
  if (!(perms & P.ViewChannel)) return 0n;
  // In threads, SendMessagesInThreads is what allows sending.
  if (isThread(channel)) perms = perms & P.SendMessagesInThreads ? perms | P.SendMessages : perms & ~P.SendMessages;
  return perms;
}

export function isThread(channel: ChannelRecord): boolean {
  return channel.type === 10 || channel.type === 11 || channel.type === 12;
}
