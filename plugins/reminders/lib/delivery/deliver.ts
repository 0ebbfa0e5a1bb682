import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { discordTime, nextOccurrence } from 'mellow';
import { Reminder } from '../../entities/Reminder';
import { remindersConfig } from '../config';
import { notices } from '../notices';
import { scheduleReminder, scheduleRetry, tryToSchedule } from '../schedule';
import { Dispatcher } from './Dispatcher';
import { sendReminder, type SendOutcome } from './sendReminder';

const MAX_ATTEMPTS = 5;

export const dispatcher = new Dispatcher(() => remindersConfig().REMINDERS_DELIVERY_CONCURRENCY);

/** The job of one occurrence fired: deliver it, unless the row says it's already handled or has moved. */
export function deliverWhenDue(reminderId: number, dueAt: number): void {
  dispatcher.enqueue(async () => {
    const em = container.mellow.orm.em.fork();
    const reminder = await claim(em, reminderId, new Date(dueAt));
    if (reminder) await deliverClaimed(em, reminder);
  });
}

/**
 * Marks the occurrence "sending" before anything is sent. Only one process wins; a job for a time the row
 * no longer has (edited, snoozed, deleted, paused, already sent) claims nothing.
 */
async function claim(em: EntityManager, id: number, dueAt: Date): Promise<Reminder | null> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `update "reminders_reminder" set "state" = 'sending', "claimed_at" = now()
       where "id" = ? and "state" = 'pending' and "due_at" = ? returning *`,
    [id, dueAt],
  );
  return rows[0] ? em.map(Reminder, rows[0]) : null;
}

/** Sends a claimed occurrence, then records "sent" (or the next occurrence), a retry, or a failure. */
export async function deliverClaimed(em: EntityManager, reminder: Reminder): Promise<void> {
  const now = Date.now();
  const late = now - reminder.dueAt.getTime();
  const noteworthy = late > remindersConfig().REMINDERS_LATE_NOTE_SECONDS * 1000 || reminder.lateReason !== null;
  const lateMs = noteworthy ? Math.max(0, late) : null;
  const next = nextAfterCatchUp(reminder, now);
  const outcome = await sendReminder(em, reminder, { lateMs, next });
  await record(em, reminder, outcome, next);
}

/** After a downtime a repeating reminder gets one catch-up (the one being sent), then carries on from now. */
export function nextAfterCatchUp(reminder: Reminder, now: number): Date | null {
  return reminder.rule ? nextOccurrence(reminder.rule, new Date(Math.max(now, reminder.dueAt.getTime()))) : null;
}

export async function record(
  em: EntityManager,
  reminder: Reminder,
  outcome: SendOutcome,
  next: Date | null,
): Promise<void> {
  if (!outcome.delivered && outcome.failure === 'transient' && reminder.attempts + 1 < MAX_ATTEMPTS) {
    return retryLater(em, reminder, outcome.error);
  }
  if (!outcome.delivered) {
    const reason = outcome.failure === 'transient' ? 'Discord kept failing' : outcome.reason;
    container.logger.warn(`reminders: reminder ${reminder.id} could not be delivered: ${reason}`);
    await notices.add(
      em,
      reminder.userId,
      `Your reminder #${reminder.id}, due ${discordTime(reminder.dueAt, 'F')}, could not be delivered: ${reason}.\n> ${reminder.text.slice(0, 300)}`,
      reminder.id,
    );
  }
  const settled = next
    ? { state: 'pending' as const, dueAt: next }
    : { state: outcome.delivered ? ('sent' as const) : ('undeliverable' as const) };
  // Only if nobody changed the row meanwhile (an edit or delete during the send wins).
  const changed = await em.nativeUpdate(
    Reminder,
    { id: reminder.id, state: 'sending', dueAt: reminder.dueAt },
    { ...settled, claimedAt: null, attempts: 0, lateReason: null, deliveredAt: outcome.delivered ? new Date() : null },
  );
  if (changed && next) {
    const moved = Object.assign(new Reminder(), reminder, { dueAt: next });
    await tryToSchedule(() => scheduleReminder(moved), `reminder ${reminder.id}`);
  }
}

async function retryLater(em: EntityManager, reminder: Reminder, error: unknown): Promise<void> {
  const attempt = reminder.attempts + 1;
  const delayMs = Math.min(5_000 * 2 ** (attempt - 1), 300_000);
  container.logger.warn(
    `reminders: reminder ${reminder.id} failed (attempt ${attempt}), retrying in ${delayMs} ms`,
    error,
  );
  const changed = await em.nativeUpdate(
    Reminder,
    { id: reminder.id, state: 'sending', dueAt: reminder.dueAt },
    { state: 'pending', claimedAt: null, attempts: attempt },
  );
  if (changed) await tryToSchedule(() => scheduleRetry(reminder, attempt, delayMs), `retry of reminder ${reminder.id}`);
}
