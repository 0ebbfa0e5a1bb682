import { container } from '@sapphire/framework';
import { noMentions } from 'mellow';
import { SupportTicket } from '../../entities/SupportTicket';
import { TicketOutbox } from '../../entities/TicketOutbox';
import { guilddebug } from '../config';
import { relayEmbed } from './format';

/**
 * Posts the requester's waiting replies into the ticket's thread, oldest first, and stops at the first
 * one Discord refuses so the order holds. A lock per ticket keeps two flushes (a reply and a reconcile,
 * or two processes) from posting a row twice. Each row is deleted as soon as it is posted, outside the
 * lock's transaction, so a later failure never brings a posted row back. Never throws.
 */
export async function flushToStaff(ticket: SupportTicket): Promise<void> {
  const { em, logger } = guilddebug();
  const threadId = ticket.supportThreadId;
  if (!threadId) return;
  const done = em();
  try {
    await em().transactional(async (tx) => {
      await tx
        .getConnection()
        .execute(
          'select pg_advisory_xact_lock(hashtext(?))',
          [`guilddebug:to-staff:${ticket.id}`],
          'all',
          tx.getTransactionContext(),
        );
      const waiting = await tx.find(
        TicketOutbox,
        { ticketId: ticket.id, direction: 'to-staff' },
        { orderBy: { id: 'asc' } },
      );
      if (waiting.length === 0) return;
      const thread = await container.client.channels.fetch(threadId);
      if (!thread?.isSendable()) throw new Error(`The thread ${threadId} of ticket #${ticket.id} is not sendable`);
      for (const row of waiting) {
        await thread.send({ embeds: [relayEmbed(ticket, 'requester', row.content)], ...noMentions });
        await done.nativeDelete(TicketOutbox, row.id);
      }
    });
  } catch (error) {
    logger.warn(`Could not pass waiting replies into the thread of ticket #${ticket.id}; they stay stored`, { error });
  }
}

/** Replies Discord refused earlier, for tickets that have their thread (the reconcile hook). */
export async function flushAllToStaff(): Promise<void> {
  const em = guilddebug().em();
  const rows = await em.find(TicketOutbox, { direction: 'to-staff' }, { fields: ['ticketId'] });
  if (rows.length === 0) return;
  const tickets = await em.find(
    SupportTicket,
    { id: { $in: [...new Set(rows.map((row) => row.ticketId))] }, supportThreadId: { $ne: null } },
    { orderBy: { id: 'asc' } },
  );
  for (const ticket of tickets) await flushToStaff(ticket);
}
