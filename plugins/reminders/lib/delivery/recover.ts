import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { Reminder } from '../../entities/Reminder';
import { recentMessages } from './discordApi';
import { deliverClaimed, dispatcher, record } from './deliver';
import { isDeliveryOf } from './message';
import { recipients } from './recipients';
import { nextOccurrence } from 'mellow';

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

async function findSentCopy(
  em: EntityManager,
  reminder: Reminder,
): Promise<{ channelId: string; messageId: string } | null> {
  const botId = container.client.user?.id ?? '';
  for (const channelId of await candidateChannels(em, reminder)) {
    const messages = await recentMessages(channelId).catch(() => []);
    const found = messages.find((message) => isDeliveryOf(message, reminder, botId));
    if (found) return { channelId, messageId: found.id };
  }
  return null;
}

/**
 * A reminder left "sending" past its lease: the process sending it died between claiming and recording.
 * If the message is in the channel's recent history it was sent, so it's only recorded; otherwise it's sent now.
 * Taking over the claim is atomic, so of several processes recovering at once only one acts.
 */
export async function recoverInterrupted(em: EntityManager, reminder: Reminder, leaseMs: number): Promise<void> {
  const takenOver = await em.nativeUpdate(
    Reminder,
    { id: reminder.id, state: 'sending', dueAt: reminder.dueAt, claimedAt: { $lt: new Date(Date.now() - leaseMs) } },
    { claimedAt: new Date() },
  );
  if (!takenOver) return;
  const copy = await findSentCopy(em, reminder);
  if (!copy) return deliverClaimed(em, reminder);
  container.logger.info(`reminders: reminder ${reminder.id} was already sent before a restart; not sending it again`);
  const next = reminder.rule
    ? nextOccurrence(reminder.rule, new Date(Math.max(Date.now(), reminder.dueAt.getTime())))
    : null;
  await record(em, reminder, { delivered: true, ...copy }, next);
}

/** The recovery job of a claim that was still fresh at startup: act only if it's still stuck. */
export function recoverIfStillStuck(reminderId: number, dueAt: number, leaseMs: number): void {
  dispatcher.enqueue(async () => {
    const em = container.mellow.orm.em.fork();
    const reminder = await em.findOne(Reminder, { id: reminderId, state: 'sending', dueAt: new Date(dueAt) });
    if (reminder) await recoverInterrupted(em, reminder, leaseMs);
  });
}
