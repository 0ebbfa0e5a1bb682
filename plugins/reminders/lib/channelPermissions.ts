import { container } from '@sapphire/framework';
import { type GuildBasedChannel, PermissionFlagsBits, type Role } from 'discord.js';
import { type CommandTarget, isOwner, type ReplyContent } from 'mellow';

const MAY_REMIND = [PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageMessages];
const MAY_POST = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages];

/**
 * Channel reminders post for everyone in the TARGET channel, so the caller's rights are checked
 * there (not where they typed): they must see and post in it and hold Manage Server or Manage
 * Messages in it; a role is pinged only if it is mentionable or they could ping it themselves.
 * Bot owners may always. Resolves to the refusal, or null when allowed.
 */
export async function refuseChannelReminder(
  target: CommandTarget,
  channel: GuildBasedChannel,
  role: Role | null,
): Promise<ReplyContent | null> {
  const userId = 'author' in target ? target.author.id : target.user.id;
  if (isOwner(userId, container.mellow.config.ownerIds)) return null;
  const member = await channel.guild.members.fetch(userId).catch(() => null);
  const rights = member ? channel.permissionsFor(member) : null;
  if (!rights?.has(MAY_POST) || !MAY_REMIND.some((permission) => rights.has(permission))) {
    return {
      outcome: 'error',
      title: `You can't set reminders in #${channel.name}`,
      description:
        'Channel reminders need **View Channel**, **Send Messages** and **Manage Server** or **Manage Messages** in the channel they post in. Use `/remind me` for a personal one.',
    };
  }
  if (role && !role.mentionable && !rights.has(PermissionFlagsBits.MentionEveryone)) {
    return {
      outcome: 'error',
      title: `You can't ping @${role.name}`,
      description:
        'That role is not mentionable and you lack **Mention @everyone, @here and All Roles** there. Pick a mentionable role, or leave `role` empty.',
    };
  }
  return null;
}
