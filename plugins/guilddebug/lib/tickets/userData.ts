import type { EntityManager } from '@mikro-orm/core';
import { SupportTicket } from '../../entities/SupportTicket';
import { TicketOutbox } from '../../entities/TicketOutbox';

/**
 * The user's tickets and the ticket messages that still wait for delivery: those they wrote, and the
 * staff answers waiting for them on their own tickets (the same rows `deleteTicketData` erases).
 */
export async function exportTicketData(em: EntityManager, userId: string) {
  const tickets = await em.find(SupportTicket, { requesterId: userId }, { orderBy: { id: 'asc' } });
  const ids = tickets.map((ticket) => ticket.id);
  const waiting = await em.find(
    TicketOutbox,
    { $or: [{ authorId: userId }, { ticketId: { $in: ids }, direction: 'to-requester' }] },
    { orderBy: { id: 'asc' } },
  );
  return {
    tickets: tickets.map(({ id, guildId, summary, details, severity, contact, consent, status, createdAt }) => ({
      id,
      guildId,
      summary,
      details,
      severity,
      contact,
      consent,
      status,
      createdAt,
    })),
    waitingMessages: waiting.map(({ ticketId, direction, content, createdAt }) => ({
      ticketId,
      direction,
      content,
      createdAt,
    })),
  };
}

/**
 * Erases the user's tickets (with their undelivered messages) and the messages they wrote on others'
 * tickets. The copy already posted in the support server is Discord's, outside this database.
 */
export async function deleteTicketData(em: EntityManager, userId: string): Promise<number> {
  return em.transactional(async (tx) => {
    const own = await tx.find(SupportTicket, { requesterId: userId }, { fields: ['id'] });
    const ids = own.map((ticket) => ticket.id);
    const messages = await tx.nativeDelete(TicketOutbox, { $or: [{ authorId: userId }, { ticketId: { $in: ids } }] });
    const tickets = await tx.nativeDelete(SupportTicket, { requesterId: userId });
    return messages + tickets;
  });
}
