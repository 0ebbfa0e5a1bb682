import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { Reminder } from '../../entities/Reminder';
import { DiscordCodes, recentMessages } from './discordApi';
import { deliverClaimed, dispatcher, nextAfterCatchUp, record } from './deliver';
import { isDeliveryOf } from './message';
import { recipients } from './recipients';
import { DiscordAPIError } from 'discord.js';
import { scheduleRecoveryCheck, tryToSchedule } from '../schedule';

/** Every channel this occurrence may have landed in, its fallback included. */
async function candidateChannels(em: EntityManager, reminder: Reminder): Promise<string[]> {
  const channels = [reminder.target === 'channel' ? reminder.channelId : reminder.originChannelId];
  try {
    channels.push(await recipients.dmChannel(em, reminder.userId));
  } catch {
    // No DM channel: nothing was sent there either.
  }
  return [...new Set(channels.filter((id): id is string => id !== null))];
}

/** The history could not be read (Discord down, rate limited, access lost): whether it was sent is unknown. */
const UNREADABLE = 'unreadable';

async function findSentCopy(
  em: EntityManager,
  reminder: Reminder,
): Promise<{ channelId: string; messageId: string } | null | typeof UNREADABLE> {
  const botId = container.client.user?.id ?? '';
  for (const channelId of await candidateChannels(em, reminder)) {
    let messages;
    try {
      messages = await recentMessages(channelId);
    } catch (error) {
      // A deleted channel holds no copy; any other failure leaves the question open.
      if (error instanceof DiscordAPIError && error.code === DiscordCodes.unknownChannel) continue;
      container.logger.warn(`reminders: could not read channel ${channelId} to recover reminder ${reminder.id}`, error);
      return UNREADABLE;
    }
    const found = messages.find((message) => isDeliveryOf(message, reminder, botId));
    if (found) return { channelId, messageId: found.id };
  }
  return null;
}

/**
 * A reminder left "sending" past its lease: the process sending it died between claiming and recording.
 * If the message is in the channel's recent history it was sent, so it's only recorded; otherwise it's sent now.
 * If the history can't be read, nothing is sent: the claim (just renewed) runs out and a later check retries.
 * Taking over the claim is atomic, so of several processes recovering at once only one acts.
 */
export async function recoverInterrupted(em: EntityManager, reminder: Reminder, leaseMs: number): Promise<void> {
  const claimedAt = new Date();
  const takenOver = await em.nativeUpdate(
    Reminder,
    { id: reminder.id, state: 'sending', dueAt: reminder.dueAt, claimedAt: { $lt: new Date(Date.now() - leaseMs) } },
    { claimedAt },
  );
  if (!takenOver) return;
  const copy = await findSentCopy(em, reminder);
  if (copy === UNREADABLE) {
    // The renewed claim keeps others off until its lease runs out; look again just after.
    return tryToSchedule(
      () => scheduleRecoveryCheck(reminder, leaseMs + 1_000, claimedAt),
      `a recovery check of reminder ${reminder.id}`,
    );
  }
  if (!copy) return deliverClaimed(em, reminder);
  container.logger.info(`reminders: reminder ${reminder.id} was already sent before a restart; not sending it again`);
  await record(em, reminder, { delivered: true, ...copy }, nextAfterCatchUp(reminder, Date.now()));
}

/** The recovery job of a claim that was still fresh at startup: act only if it's still stuck. */
export function recoverIfStillStuck(reminderId: number, dueAt: number, leaseMs: number): void {
  dispatcher.enqueue(async () => {
    const em = container.mellow.orm.em.fork();
    const reminder = await em.findOne(Reminder, { id: reminderId, state: 'sending', dueAt: new Date(dueAt) });
    if (reminder) await recoverInterrupted(em, reminder, leaseMs);
  });
}
