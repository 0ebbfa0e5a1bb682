import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import type { Reminder } from '../../entities/Reminder';
import { ReminderUser } from '../../entities/ReminderUser';
import { remindersConfig } from '../config';
import { classify, errorCode, postMessage, type SendFailure } from './discordApi';
import { type DeliveryContext, reminderMessage } from './message';
import { recipients } from './recipients';

export type SendOutcome =
  | { delivered: true; channelId: string; messageId: string }
  | { delivered: false; failure: 'undeliverable'; reason: string }
  | { delivered: false; failure: 'transient'; error: unknown };

type Attempt = { ok: true; channelId: string; messageId: string } | { ok: false; failure: SendFailure; error: unknown };

async function attempt(channelId: string, reminder: Reminder, context: DeliveryContext): Promise<Attempt> {
  try {
    const message = await postMessage(channelId, reminderMessage(reminder, context));
    return { ok: true, channelId, messageId: message.id };
  } catch (error) {
    return { ok: false, failure: classify(error), error };
  }
}

const delivered = (sent: Extract<Attempt, { ok: true }>): SendOutcome => ({ delivered: true, ...sent });

/**
 * Sends one occurrence where it belongs, falling back as the reminder's kind allows:
 * a refused DM goes to the channel it was set in; an unusable channel goes to the creator's DMs.
 */
export async function sendReminder(
  em: EntityManager,
  reminder: Reminder,
  context: DeliveryContext,
): Promise<SendOutcome> {
  if (reminder.target === 'dm') return sendDm(em, reminder, context);
  const channelId = reminder.target === 'channel' ? reminder.channelId : reminder.originChannelId;
  const mention =
    reminder.target === 'channel' ? { roles: reminder.roleId ? [reminder.roleId] : [] } : { users: [reminder.userId] };
  const sent = channelId ? await attempt(channelId, reminder, { ...context, mention }) : null;
  if (sent?.ok) return delivered(sent);
  if (sent && sent.failure === 'transient') return { delivered: false, failure: 'transient', error: sent.error };
  recordChannelFailure(reminder, channelId, sent?.error);
  const note = `I couldn't post this in <#${channelId}> (the channel is gone or I'm not allowed there), so it came to you instead.`;
  return sendDm(em, reminder, { ...context, note }, false);
}

async function sendDm(
  em: EntityManager,
  reminder: Reminder,
  context: DeliveryContext,
  fallBack = true,
): Promise<SendOutcome> {
  let sent: Attempt;
  try {
    sent = await attempt(await recipients.dmChannel(em, reminder.userId), reminder, context);
  } catch (error) {
    // Opening the DM channel itself failed.
    sent = { ok: false, failure: classify(error), error };
  }
  if (sent.ok) {
    await recipients.dmDelivered(em, reminder.userId);
    return delivered(sent);
  }
  if (sent.failure === 'transient') return { delivered: false, failure: 'transient', error: sent.error };
  if (sent.failure !== 'dm-refused')
    return { delivered: false, failure: 'undeliverable', reason: 'your DMs could not be reached' };

  // Only the user's own DM reminders count towards switching their default: a channel reminder's fallback
  // DM says nothing about where they want their reminders.
  const refusals = fallBack ? await recipients.dmRefused(em, reminder.userId) : 0;
  const switched = fallBack && (await switchToHereAfterRefusals(em, reminder.userId, refusals));
  if (!fallBack || !reminder.originChannelId || !reminder.guildId) {
    // The notice is then the only place the user can learn of the switch.
    const reason = switched
      ? `your DMs are closed to me (${refusals} times in a row, so your new reminders now come where you set them; change it back with /remind delivery where:dm)`
      : 'your DMs are closed to me';
    return { delivered: false, failure: 'undeliverable', reason };
  }
  const note = switched
    ? `I couldn't DM you ${refusals} times in a row, so your reminders now come here. Change it back with /remind delivery where:dm.`
    : "I couldn't DM you (your DMs are closed to me), so here it is.";
  const here = await attempt(reminder.originChannelId, reminder, {
    ...context,
    note,
    mention: { users: [reminder.userId] },
  });
  if (here.ok) return delivered(here);
  if (here.failure === 'transient') return { delivered: false, failure: 'transient', error: here.error };
  return {
    delivered: false,
    failure: 'undeliverable',
    reason: 'your DMs are closed to me and I could not post in the channel you used',
  };
}

async function switchToHereAfterRefusals(em: EntityManager, userId: string, refusals: number): Promise<boolean> {
  if (refusals !== remindersConfig().REMINDERS_DM_REFUSALS_BEFORE_SWITCH) return false;
  await em.nativeUpdate(ReminderUser, { userId, delivery: 'dm' }, { delivery: 'here', updatedAt: new Date() });
  return true;
}

function recordChannelFailure(reminder: Reminder, channelId: string | null, error: unknown): void {
  container.mellow.systemLog.record({
    type: 'plugin',
    severity: 'warning',
    guildId: reminder.guildId,
    userId: reminder.userId,
    title: 'A reminder could not be posted in its channel',
    description: `Reminder #${reminder.id} for <#${channelId}>: Discord refused (${errorCode(error)}). It went to its creator by DM instead.`,
    metadata: { plugin: 'reminders', reminderId: reminder.id, channelId, code: errorCode(error) },
  });
}
