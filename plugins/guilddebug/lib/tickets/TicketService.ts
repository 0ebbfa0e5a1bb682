import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { redactor, type ReplyContent } from 'mellow';
import { SupportTicket, type TicketSeverity, type TicketStatus } from '../../entities/SupportTicket';
import { TicketOutbox } from '../../entities/TicketOutbox';
import type { GuilddebugConfig } from '../config';
import { limitRefusal } from './limits';

export interface TicketRequest {
  guildId: string;
  requesterId: string;
  summary: string;
  details: string;
  severity: TicketSeverity;
  contact: string | null;
  consent: boolean;
}

export type OpenResult = { ticket: SupportTicket; refusal?: undefined } | { ticket?: undefined; refusal: ReplyContent };

const clean = (text: string, max: number) => redactor.redact(text.trim()).slice(0, max);

/**
 * Stores a request unless a limit refuses it. The limits are checked and the row inserted under
 * advisory locks on the guild and the user, so two requests at once (from any process) can't both
 * slip under a limit.
 */
export async function openTicket(
  em: EntityManager,
  config: GuilddebugConfig,
  request: TicketRequest,
): Promise<OpenResult> {
  return em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    for (const key of [`guilddebug:guild:${request.guildId}`, `guilddebug:user:${request.requesterId}`]) {
      await connection.execute('select pg_advisory_xact_lock(hashtext(?))', [key], 'all', context);
    }
    const refusal = await limitRefusal(tx, config, request.guildId, request.requesterId);
    if (refusal) return { refusal };
    const ticket = tx.create(SupportTicket, {
      guildId: request.guildId,
      requesterId: request.requesterId,
      summary: clean(request.summary, 100),
      details: clean(request.details, 1500),
      severity: request.severity,
      contact: request.contact?.trim() ? clean(request.contact, 200) : null,
      consent: request.consent,
    });
    await tx.flush();
    return { ticket };
  });
}

/** Moves a ticket forward; staff press Acknowledge and Resolve. Null when it is gone. */
export async function setTicketStatus(
  em: EntityManager,
  ticketId: number,
  status: Exclude<TicketStatus, 'open'>,
  staffId: string,
): Promise<{ ticket: SupportTicket; changed: boolean } | null> {
  const ticket = await em.findOne(SupportTicket, ticketId);
  if (!ticket) return null;
  const order = ['open', 'acknowledged', 'resolved'];
  if (order.indexOf(ticket.status) >= order.indexOf(status)) return { ticket, changed: false };
  ticket.status = status;
  ticket.handledBy = staffId;
  ticket.updatedAt = new Date();
  await em.flush();
  container.mellow.systemLog.record({
    type: 'support',
    title: `Support ticket #${ticket.id} ${status}`,
    guildId: ticket.guildId,
    userId: staffId,
    metadata: { ticketId: ticket.id, status },
  });
  return { ticket, changed: true };
}

/** The tickets a viewer may list in a guild: all of them for admins and staff, their own for members. */
export function listTickets(em: EntityManager, guildId: string, onlyRequester: string | null) {
  return em.find(
    SupportTicket,
    { guildId, ...(onlyRequester ? { requesterId: onlyRequester } : {}) },
    { orderBy: { id: 'desc' }, limit: 15 },
  );
}

export async function waitingCounts(em: EntityManager, ticketIds: number[]): Promise<Map<number, number>> {
  const rows = await em.find(TicketOutbox, { ticketId: { $in: ticketIds }, direction: 'to-requester' });
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.ticketId, (counts.get(row.ticketId) ?? 0) + 1);
  return counts;
}
