import { container } from '@sapphire/framework';
import { noMentions } from 'mellow';
import type { SupportTicket } from '../../entities/SupportTicket';
import { TicketOutbox } from '../../entities/TicketOutbox';
import { guilddebug } from '../config';
import { discordCode } from '../discordErrors';
import { relayEmbed } from './format';
import { flushToStaff } from './staffOutbox';

export type RelayResult = 'dm' | 'log-channel' | 'stored';

async function toLogChannel(ticket: SupportTicket, content: string): Promise<boolean> {
  const channelId = container.mellow.settings.get(ticket.guildId).logChannelId;
  if (!channelId) return false;
  try {
    const channel = await container.client.channels.fetch(channelId);
    if (!channel?.isSendable()) return false;
    await channel.send({
      content: `<@${ticket.requesterId}>, Mellow support answered your ticket; I could not DM you.`,
      embeds: [relayEmbed(ticket, 'staff', content)],
      allowedMentions: { parse: [], users: [ticket.requesterId] },
    });
    return true;
  } catch (error) {
    guilddebug().logger.debug(`Could not post a ticket answer to the log channel of ${ticket.guildId}`, { error });
    return false;
  }
}

/**
 * Passes a staff answer to the requester: by DM, else in their server's log channel, else it waits
 * in the outbox until they run `/guilddebug tickets`.
 */
export async function relayToRequester(ticket: SupportTicket, authorId: string, content: string): Promise<RelayResult> {
  try {
    const user = await container.client.users.fetch(ticket.requesterId);
    await user.send({ embeds: [relayEmbed(ticket, 'staff', content)], ...noMentions });
    return 'dm';
  } catch (error) {
    if (discordCode(error) !== 50007) guilddebug().logger.warn('Could not DM a ticket answer', { error });
  }
  if (await toLogChannel(ticket, content)) return 'log-channel';
  const em = guilddebug().em();
  em.create(TicketOutbox, { ticketId: ticket.id, direction: 'to-requester', authorId, content });
  await em.flush();
  return 'stored';
}

/**
 * Passes the requester's reply into the ticket's thread. It is stored first and goes out with any
 * earlier reply Discord refused, in order; when Discord refuses again, or the ticket has no thread
 * yet, it stays stored for the next flush (the next reply, the ticket's delivery, or the reconcile hook).
 */
export async function relayToStaff(
  ticket: SupportTicket,
  authorId: string,
  content: string,
): Promise<'posted' | 'stored'> {
  const em = guilddebug().em();
  const row = em.create(TicketOutbox, { ticketId: ticket.id, direction: 'to-staff', authorId, content });
  await em.flush();
  await flushToStaff(ticket);
  return (await em.count(TicketOutbox, { id: row.id })) === 0 ? 'posted' : 'stored';
}

/** Staff answers that waited for the requester, sent by DM now. Returns how many were delivered. */
export async function deliverWaitingAnswers(requesterId: string, tickets: SupportTicket[]): Promise<number> {
  const em = guilddebug().em();
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  const waiting = await em.find(
    TicketOutbox,
    { ticketId: { $in: [...byId.keys()] }, direction: 'to-requester' },
    { orderBy: { id: 'asc' } },
  );
  let delivered = 0;
  try {
    const user = await container.client.users.fetch(requesterId);
    for (const row of waiting) {
      await user.send({ embeds: [relayEmbed(byId.get(row.ticketId)!, 'staff', row.content)], ...noMentions });
      await em.nativeDelete(TicketOutbox, row.id);
      delivered++;
    }
  } catch (error) {
    if (discordCode(error) !== 50007) guilddebug().logger.warn('Could not DM waiting ticket answers', { error });
  }
  return delivered;
}
