import { container } from '@sapphire/framework';
import { eventually } from '../../../test/setup/world';
import { SupportTicket } from '../entities/SupportTicket';
import { TicketOutbox } from '../entities/TicketOutbox';
import type { Actor } from '../../../src/testkit/emulator/actors';
import type { ChannelRecord } from '../../../src/testkit/emulator/state';

export const em = () => container.mellow.orm.em.fork();

/** Fills in and submits the request form as `user` would. */
export async function requestSupport(
  user: Actor,
  channel: ChannelRecord,
  fields: { summary?: string; details?: string; severity?: string; contact?: string; consent?: string } = {},
) {
  const form = await user.slash(channel, 'guilddebug request-support');
  if (form.kind !== 'modal') return { form, submitted: null };
  const submitted = await user.submitModal(channel, 'guilddebug.support', {
    summary: fields.summary ?? 'The bot stopped answering',
    details: fields.details ?? 'Since this morning /remind does nothing.',
    severity: fields.severity ?? 'medium',
    contact: fields.contact ?? '',
    ...(fields.consent ? { consent: fields.consent } : {}),
  });
  return { form, submitted };
}

export const ticketNumber = (text: string) => Number(/#(\d+)/.exec(text)?.[1]);

export async function ticket(id: number) {
  return em().findOneOrFail(SupportTicket, id);
}

/** Tickets and outbox rows of a guild, so tests leave no rows behind. */
export async function removeTickets(guildId: string) {
  const ids = (await em().find(SupportTicket, { guildId })).map((t) => t.id);
  await em().nativeDelete(TicketOutbox, { ticketId: { $in: ids } });
  await em().nativeDelete(SupportTicket, { guildId });
}

export { eventually };
