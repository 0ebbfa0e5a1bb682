import { container } from '@sapphire/framework';
import { ChannelType, type Guild, PermissionFlagsBits } from 'discord.js';
import { discordTime, type ReplyContent } from 'mellow';
import { SupportTicket } from '../../entities/SupportTicket';
import { guilddebug } from '../config';
import { permissionProblem } from '../discordErrors';
import { botMember } from '../diagnostics/permissions';

const INVITE_SECONDS = 24 * 60 * 60;

/** The system channel, else the first text channel where the bot may create invites. */
async function inviteChannel(guild: Guild) {
  const me = await botMember(guild);
  const channels = [...(await guild.channels.fetch()).values()].filter(
    (c) => c !== null && (c.type === ChannelType.GuildText || c.type === ChannelType.GuildAnnouncement),
  );
  const allowed = (c: (typeof channels)[number]) =>
    c!.permissionsFor(me).has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.CreateInstantInvite]);
  const system = channels.find((c) => c!.id === guild.systemChannelId);
  return (system && allowed(system) ? system : channels.find(allowed)) ?? null;
}

/**
 * A one-use, 24-hour invite for a staff member, only while the guild has an open ticket whose
 * requester (a server admin) consented. Logged in both guilds' system logs.
 */
export async function joinGuild(guild: Guild, staffId: string): Promise<ReplyContent> {
  const em = guilddebug().em();
  const ticket = await em.findOne(
    SupportTicket,
    { guildId: guild.id, consent: true, status: { $ne: 'resolved' } },
    { orderBy: { id: 'desc' } },
  );
  if (!ticket) {
    return {
      outcome: 'error',
      title: 'No consent from that server',
      description: `${guild.name} has no open ticket that lets staff join. Its admins can allow it when they open one with \`/guilddebug request-support\`; consent ends when the ticket is resolved.`,
    };
  }
  const channel = await inviteChannel(guild);
  if (!channel || !('createInvite' in channel)) {
    return {
      outcome: 'error',
      title: 'Mellow cannot create an invite there',
      description: `Mellow lacks **Create Invite** in every text channel of ${guild.name}. Ask its admins to grant it (ticket #${ticket.id}).`,
    };
  }
  let invite;
  try {
    invite = await channel.createInvite({
      maxAge: INVITE_SECONDS,
      maxUses: 1,
      unique: true,
      reason: `Mellow support ticket #${ticket.id}`,
    });
  } catch (error) {
    const problem = permissionProblem(error, `in #${channel.name} of ${guild.name}`);
    if (problem) return problem;
    throw error;
  }
  const { systemLog } = container.mellow;
  const supportGuildId = guilddebug().config.supportGuildId;
  systemLog.record({
    type: 'support',
    severity: 'warning',
    title: `Mellow staff created a one-use invite for ticket #${ticket.id}`,
    guildId: guild.id,
    userId: staffId,
    metadata: { ticketId: ticket.id, channelId: channel.id },
  });
  if (supportGuildId && supportGuildId !== guild.id) {
    systemLog.record({
      type: 'support',
      title: `Invite to ${guild.name} created for ticket #${ticket.id}`,
      guildId: supportGuildId,
      userId: staffId,
      metadata: { ticketId: ticket.id, targetGuildId: guild.id },
    });
  }
  const expires = new Date(Date.now() + INVITE_SECONDS * 1000);
  return {
    outcome: 'success',
    title: `Invite to ${guild.name}`,
    description: `https://discord.gg/${invite.code}\nOne use, expires ${discordTime(expires, 'R')}. For ticket #${ticket.id}; the server's admins see this in their log.`,
  };
}
