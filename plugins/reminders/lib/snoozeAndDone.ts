import { DateTime } from 'luxon';
import { Reminder } from '../entities/Reminder';
import { reschedule } from './changeReminder';
import type { ReminderDeps } from './reminderInput';
import { withinLimits } from './reminderLimits';
import { fail, ok, type Result } from './result';
import { scheduleReminder, tryToSchedule, unscheduleReminder } from './schedule';
import { zoneFor } from './settings';
import { resolveWallClock } from 'mellow';

export type SnoozeChoice = '10m' | '1h' | 'tomorrow';

/**
 * Brings a delivered reminder back later. A one-off comes back itself; a repeating one gets a one-off copy,
 * so its own schedule never moves. Each occurrence has its own copy: snoozing the same occurrence again
 * moves that copy, never another occurrence's.
 */
export async function snoozeReminder(
  deps: ReminderDeps,
  userId: string,
  id: number,
  choice: SnoozeChoice,
  occurrence: Date | null = null,
): Promise<Result<Reminder>> {
  const found = await delivered(deps, userId, id);
  if (!found.ok) return found;
  const reminder = found.value;
  if (reminder.state === 'done') {
    return fail('That reminder is gone', 'It was dismissed. Set a new one with `/remind me`.');
  }
  const dueAt = await snoozeTime(deps, userId, reminder.guildId, choice);
  if (!reminder.rule) {
    if (reminder.state === 'sending') {
      return fail('Busy', 'That reminder is being delivered right now. Try again in a moment.');
    }
    const previousDue = reminder.dueAt;
    Object.assign(reminder, { state: 'pending', dueAt, attempts: 0, lateReason: null, deliveredAt: null });
    await deps.em.flush();
    await reschedule(reminder, previousDue);
    return ok(reminder);
  }
  const existing = await deps.em.findOne(Reminder, {
    snoozeOf: reminder.id,
    userId,
    state: 'pending',
    snoozedOccurrence: occurrence,
  });
  if (existing) {
    const previousDue = existing.dueAt;
    existing.dueAt = dueAt;
    await deps.em.flush();
    await reschedule(existing, previousDue);
    return ok(existing);
  }
  const created = await withinLimits(deps, userId, reminder.target === 'channel' ? reminder.guildId : null, (em) =>
    em.create(Reminder, {
      userId,
      guildId: reminder.guildId,
      originChannelId: reminder.originChannelId,
      target: reminder.target,
      channelId: reminder.channelId,
      roleId: reminder.roleId,
      text: reminder.text,
      dueAt,
      snoozeOf: reminder.id,
      snoozedOccurrence: occurrence,
      createdAt: deps.now(),
    }),
  );
  if (!created.ok) return created;
  const copy = created.value;
  await tryToSchedule(() => scheduleReminder(copy), `reminder ${copy.id}`);
  return ok(copy);
}

/** Dismisses a delivered reminder: a one-off ends; a repeating one carries on, and its snoozed copy goes. */
export async function doneReminder(deps: ReminderDeps, userId: string, id: number): Promise<Result<Reminder>> {
  const found = await delivered(deps, userId, id);
  if (!found.ok) return found;
  const reminder = found.value;
  if (reminder.state === 'sending') {
    return fail('Busy', 'That reminder is being delivered right now. Try again in a moment.');
  }
  // A snoozed one-off is pending again: "Done" ends it too, and its snooze job goes.
  const endsItself = !reminder.rule && reminder.state !== 'done';
  const unscheduleOwn = endsItself && reminder.state === 'pending';
  if (endsItself) reminder.state = 'done';
  const copies = await deps.em.find(Reminder, { snoozeOf: reminder.id, userId, state: 'pending' });
  for (const copy of copies) copy.state = 'done';
  await deps.em.flush();
  if (unscheduleOwn)
    await tryToSchedule(() => unscheduleReminder(reminder.id, reminder.dueAt), `removal of ${reminder.id}`);
  for (const copy of copies)
    await tryToSchedule(() => unscheduleReminder(copy.id, copy.dueAt), `removal of ${copy.id}`);
  return ok(reminder);
}

/** A reminder whose delivered message's buttons were pressed: only its creator may act on it. */
async function delivered(deps: ReminderDeps, userId: string, id: number): Promise<Result<Reminder>> {
  const reminder = Number.isSafeInteger(id) ? await deps.em.findOne(Reminder, id) : null;
  if (!reminder) return fail('That reminder is gone', 'It was deleted. Set a new one with `/remind me`.');
  if (reminder.userId !== userId) {
    return fail(
      'Not your reminder',
      'Only the person who set it can snooze or dismiss it. Set your own with `/remind me`.',
    );
  }
  return ok(reminder);
}

async function snoozeTime(
  deps: ReminderDeps,
  userId: string,
  guildId: string | null,
  choice: SnoozeChoice,
): Promise<Date> {
  const now = deps.now();
  if (choice === '10m') return new Date(now.getTime() + 10 * 60_000);
  if (choice === '1h') return new Date(now.getTime() + 60 * 60_000);
  const { zone } = await zoneFor(deps.em, userId, guildId);
  const tomorrow = DateTime.fromJSDate(now, { zone }).plus({ days: 1 });
  return resolveWallClock(
    { year: tomorrow.year, month: tomorrow.month, day: tomorrow.day },
    { hour: 9, minute: 0 },
    zone,
  ).toJSDate();
}
