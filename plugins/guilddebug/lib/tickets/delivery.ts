import { container } from '@sapphire/framework';
import { AttachmentBuilder, type Message } from 'discord.js';
import { noMentions, outcomeEmbed } from 'mellow';
import { SupportTicket } from '../../entities/SupportTicket';
import { TicketOutbox } from '../../entities/TicketOutbox';
import { guilddebug, supportConfigured } from '../config';
import { collectDiagnostics } from '../diagnostics/collect';
import { diagnosticsSnapshot } from '../diagnostics/format';
import { relayEmbed, staffButtons, staffTicketEmbed } from './format';

export type DeliveryResult = 'posted' | 'not-configured' | 'failed';

/** Marks a ticket as being posted, so two processes never post it twice. */
const CLAIM = '0';

async function snapshotOf(guildId: string): Promise<{ file: Buffer | null; guildName: string }> {
  try {
    const guild = await container.client.guilds.fetch(guildId);
    return { file: diagnosticsSnapshot(await collectDiagnostics(guild)), guildName: guild.name };
  } catch (error) {
    guilddebug().logger.warn(`Could not take a diagnostics snapshot of guild ${guildId}`, { error });
    return { file: null, guildName: guildId };
  }
}

async function post(ticket: SupportTicket): Promise<{ message: Message; threadId: string }> {
  const { config } = guilddebug();
  const channel = await container.client.channels.fetch(config.supportChannelId!);
  if (!channel?.isSendable() || channel.isDMBased() || channel.isThread()) {
    throw new Error(`SUPPORT_CHANNEL_ID ${config.supportChannelId} is not a text channel of the support server`);
  }
  const snapshot = await snapshotOf(ticket.guildId);
  const ping = ticket.severity === 'critical' && config.supportRoleId;
  const message = await channel.send({
    ...(ping ? { content: `<@&${config.supportRoleId}> critical ticket #${ticket.id}` } : {}),
    embeds: [staffTicketEmbed(ticket, snapshot.guildName)],
    allowedMentions: { parse: [], roles: ping ? [config.supportRoleId!] : [] },
  });
  const thread = await message.startThread({ name: `#${ticket.id} ${snapshot.guildName}`.slice(0, 100) });
  await thread.send({
    embeds: [
      outcomeEmbed(
        'info',
        'Diagnostics snapshot',
        snapshot.file
          ? 'Taken when the ticket reached this channel; secrets are redacted and no message text is included.'
          : 'Mellow could not take a snapshot (it may not be in that server any more).',
      ),
    ],
    files: snapshot.file
      ? [new AttachmentBuilder(snapshot.file, { name: `ticket-${ticket.id}-diagnostics.json` })]
      : [],
    components: [staffButtons(ticket)],
    ...noMentions,
  });
  return { message, threadId: thread.id };
}

/**
 * Posts a stored ticket to the support channel with its thread, snapshot and buttons, then passes on
 * the requester's replies that waited for it. A ticket that can't be posted stays stored and is
 * tried again at the next start (the reconcile hook).
 */
export async function deliverTicket(ticketId: number): Promise<DeliveryResult> {
  const context = guilddebug();
  if (!supportConfigured(context.config)) return 'not-configured';
  const em = context.em();
  const claimed = await em.nativeUpdate(
    SupportTicket,
    { id: ticketId, supportMessageId: null },
    { supportMessageId: CLAIM },
  );
  if (claimed === 0) return 'posted';
  const ticket = await em.findOneOrFail(SupportTicket, ticketId);
  let threadId: string;
  try {
    const posted = await post(ticket);
    threadId = posted.threadId;
    await em.nativeUpdate(SupportTicket, ticketId, { supportMessageId: posted.message.id, supportThreadId: threadId });
  } catch (error) {
    await em.nativeUpdate(SupportTicket, ticketId, { supportMessageId: null });
    context.logger.warn(`Could not post support ticket #${ticketId}; it stays stored and is retried at restart`, {
      error,
    });
    return 'failed';
  }
  await flushToStaff(ticket, threadId);
  return 'posted';
}

/** The requester's replies written before the ticket had a thread. */
async function flushToStaff(ticket: SupportTicket, threadId: string): Promise<void> {
  const em = guilddebug().em();
  const waiting = await em.find(
    TicketOutbox,
    { ticketId: ticket.id, direction: 'to-staff' },
    { orderBy: { id: 'asc' } },
  );
  if (waiting.length === 0) return;
  const thread = await container.client.channels.fetch(threadId);
  if (!thread?.isSendable()) return;
  for (const row of waiting) {
    await thread.send({ embeds: [relayEmbed(ticket, 'requester', row.content)], ...noMentions });
    await em.nativeDelete(TicketOutbox, row.id);
  }
}

/** Tickets that never reached the support channel (no config then, or Discord failed). */
export async function deliverPendingTickets(): Promise<void> {
  const { em, logger } = guilddebug();
  const pending = await em().find(
    SupportTicket,
    { supportMessageId: null, status: { $ne: 'resolved' } },
    { fields: ['id'] },
  );
  for (const { id } of pending) {
    await deliverTicket(id).catch((error: unknown) => logger.warn(`Could not deliver ticket #${id}`, { error }));
  }
}
