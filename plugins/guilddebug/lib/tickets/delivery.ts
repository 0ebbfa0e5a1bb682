import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { AttachmentBuilder, type GuildTextBasedChannel, type Message, type ThreadChannel } from 'discord.js';
import { noMentions, outcomeEmbed } from 'mellow';
import { SupportTicket } from '../../entities/SupportTicket';
import { guilddebug, supportConfigured } from '../config';
import { collectDiagnostics } from '../diagnostics/collect';
import { diagnosticsSnapshot } from '../diagnostics/format';
import { discordCode } from '../discordErrors';
import { staffButtons, staffTicketEmbed } from './format';
import { flushAllToStaff, flushToStaff } from './staffOutbox';

export type DeliveryResult = 'posted' | 'not-configured' | 'failed';

/**
 * How long a claim on a ticket holds. Posting takes seconds; a claim older than this was left by a
 * process that died mid-delivery, and the ticket is free to be posted again.
 */
export const CLAIM_TIMEOUT_MS = 2 * 60_000;

const UNKNOWN_MESSAGE = 10008;
const UNKNOWN_CHANNEL = 10003;

interface Snapshot {
  file: Buffer | null;
  guildName: string;
}

async function snapshotOf(guildId: string): Promise<Snapshot> {
  try {
    const guild = await container.client.guilds.fetch(guildId);
    return { file: diagnosticsSnapshot(await collectDiagnostics(guild)), guildName: guild.name };
  } catch (error) {
    guilddebug().logger.warn(`Could not take a diagnostics snapshot of guild ${guildId}`, { error });
    return { file: null, guildName: guildId };
  }
}

/** Takes the ticket for this process unless it is delivered or another process is posting it. */
async function claim(em: EntityManager, ticketId: number): Promise<boolean> {
  const now = Date.now();
  const claimed = await em.nativeUpdate(
    SupportTicket,
    {
      id: ticketId,
      supportThreadId: null,
      $or: [{ deliveryClaimedAt: null }, { deliveryClaimedAt: { $lt: new Date(now - CLAIM_TIMEOUT_MS) } }],
    },
    { deliveryClaimedAt: new Date(now) },
  );
  return claimed > 0;
}

/**
 * The ticket's post in the support channel. A post from an earlier attempt (whose thread failed) is
 * reused; the id of a new one is stored at once, so no retry posts the ticket a second time.
 */
async function supportPost(
  em: EntityManager,
  channel: GuildTextBasedChannel,
  ticket: SupportTicket,
  guildName: string,
): Promise<Message> {
  const { config } = guilddebug();
  if (ticket.supportMessageId) {
    try {
      return await channel.messages.fetch(ticket.supportMessageId);
    } catch (error) {
      // Deleted by someone in the support server: post it again.
      if (discordCode(error) !== UNKNOWN_MESSAGE) throw error;
    }
  }
  const ping = ticket.severity === 'critical' && config.supportRoleId;
  const message = await channel.send({
    ...(ping ? { content: `<@&${config.supportRoleId}> critical ticket #${ticket.id}` } : {}),
    embeds: [staffTicketEmbed(ticket, guildName)],
    allowedMentions: { parse: [], roles: ping ? [config.supportRoleId!] : [] },
  });
  await em.nativeUpdate(SupportTicket, ticket.id, { supportMessageId: message.id });
  return message;
}

/** The post's thread: the one an earlier attempt created (its id is the post's id), or a new one. */
async function threadOf(message: Message, name: string): Promise<ThreadChannel> {
  if (message.thread) return message.thread;
  try {
    const existing = await container.client.channels.fetch(message.id);
    if (existing?.isThread()) return existing;
  } catch (error) {
    if (discordCode(error) !== UNKNOWN_CHANNEL) throw error;
  }
  return message.startThread({ name: name.slice(0, 100) });
}

/** Posts the ticket, its thread, and in the thread the snapshot with the staff buttons. Returns the thread id. */
async function post(em: EntityManager, ticket: SupportTicket): Promise<string> {
  const { config } = guilddebug();
  const channel = await container.client.channels.fetch(config.supportChannelId!);
  if (!channel?.isSendable() || channel.isDMBased() || channel.isThread()) {
    throw new Error(`SUPPORT_CHANNEL_ID ${config.supportChannelId} is not a text channel of the support server`);
  }
  const snapshot = await snapshotOf(ticket.guildId);
  const message = await supportPost(em, channel, ticket, snapshot.guildName);
  const thread = await threadOf(message, `#${ticket.id} ${snapshot.guildName}`);
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
  return thread.id;
}

/**
 * Posts a stored ticket to the support channel with its thread, snapshot and buttons, then passes on
 * the requester's replies that waited for it. A ticket that can't be posted stays stored and is
 * tried again by the reconcile hook; a post that made it is reused then, never posted twice.
 */
export async function deliverTicket(ticketId: number): Promise<DeliveryResult> {
  const context = guilddebug();
  if (!supportConfigured(context.config)) return 'not-configured';
  const em = context.em();
  if (!(await claim(em, ticketId))) return 'posted';
  const ticket = await em.findOneOrFail(SupportTicket, ticketId);
  try {
    ticket.supportThreadId = await post(em, ticket);
    await em.nativeUpdate(SupportTicket, ticketId, {
      supportThreadId: ticket.supportThreadId,
      deliveryClaimedAt: null,
    });
  } catch (error) {
    await em.nativeUpdate(SupportTicket, ticketId, { deliveryClaimedAt: null });
    context.logger.warn(`Could not post support ticket #${ticketId}; it stays stored and is retried`, { error });
    return 'failed';
  }
  // The ticket is posted whatever happens to the replies: they stay stored and go at the next flush.
  await flushToStaff(ticket);
  return 'posted';
}

/** A ticket another process claimed: try again once its claim would have expired, in case that process died. */
function retryAfterClaim(ticketId: number, claimedAt: Date): void {
  const wait = Math.max(0, claimedAt.getTime() + CLAIM_TIMEOUT_MS - Date.now()) + 1_000;
  setTimeout(() => void deliverTicket(ticketId).catch(() => undefined), wait).unref();
}

/**
 * Tickets that never reached the support channel (no config then, Discord failed, the process died
 * mid-post), then replies Discord refused for tickets that did.
 */
export async function deliverPendingTickets(): Promise<void> {
  const { em, logger } = guilddebug();
  const pending = await em().find(
    SupportTicket,
    { supportThreadId: null, status: { $ne: 'resolved' } },
    { fields: ['id', 'deliveryClaimedAt'], orderBy: { id: 'asc' } },
  );
  for (const { id, deliveryClaimedAt } of pending) {
    const claimed = deliveryClaimedAt && deliveryClaimedAt.getTime() > Date.now() - CLAIM_TIMEOUT_MS;
    if (claimed) {
      retryAfterClaim(id, deliveryClaimedAt);
      continue;
    }
    await deliverTicket(id).catch((error: unknown) => logger.warn(`Could not deliver ticket #${id}`, { error }));
  }
  await flushAllToStaff();
}
