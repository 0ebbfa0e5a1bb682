import type { Reminder } from '../entities/Reminder';
import { ownReminder } from './findReminders';
import { checkText, parseTime, type ReminderDeps, timing } from './reminderInput';
import { fail, ok, type Result } from './result';
import { scheduleReminder, tryToSchedule, unscheduleReminder } from './schedule';
import { nextOccurrence } from 'mellow';

export async function deleteReminder(deps: ReminderDeps, userId: string, id: number): Promise<Result<Reminder>> {
  const found = await ownReminder(deps.em, userId, id);
  if (!found.ok) return found;
  const reminder = found.value;
  await deps.em.removeAndFlush(reminder);
  await tryToSchedule(() => unscheduleReminder(reminder.id, reminder.dueAt), `removal of reminder ${id}`);
  return found;
}

export async function editReminder(
  deps: ReminderDeps,
  userId: string,
  id: number,
  changes: { when?: string | null; what?: string | null },
): Promise<Result<Reminder>> {
  if (!changes.when && !changes.what) {
    return fail('Nothing to change', 'Give a new `when`, a new `what`, or both.');
  }
  const found = await ownReminder(deps.em, userId, id);
  if (!found.ok) return found;
  const reminder = found.value;
  if (changes.what) {
    const text = checkText(deps.config, changes.what);
    if (!text.ok) return text;
    reminder.text = text.value;
  }
  const previousDue = reminder.dueAt;
  if (changes.when) {
    const when = await parseTime(deps, changes.when, userId, reminder.guildId);
    if (!when.ok) return when;
    Object.assign(reminder, timing(when.value), { state: 'pending', attempts: 0, lateReason: null });
  }
  await deps.em.flush();
  if (reminder.dueAt.getTime() !== previousDue.getTime()) await reschedule(reminder, previousDue);
  return ok(reminder);
}

export async function pauseReminder(deps: ReminderDeps, userId: string, id: number): Promise<Result<Reminder>> {
  const found = await ownReminder(deps.em, userId, id);
  if (!found.ok) return found;
  const reminder = found.value;
  if (!reminder.rule)
    return fail('Only repeating reminders pause', 'Delete a one-off reminder instead, or edit its time.');
  if (reminder.state === 'paused') return fail('Already paused', `Resume it with \`/remind resume id:${id}\`.`);
  reminder.state = 'paused';
  await deps.em.flush();
  await tryToSchedule(() => unscheduleReminder(reminder.id, reminder.dueAt), `pause of reminder ${id}`);
  return ok(reminder);
}

export async function resumeReminder(deps: ReminderDeps, userId: string, id: number): Promise<Result<Reminder>> {
  const found = await ownReminder(deps.em, userId, id);
  if (!found.ok) return found;
  const reminder = found.value;
  if (!reminder.rule || reminder.state !== 'paused') {
    return fail(
      'Not paused',
      'Only a paused repeating reminder can be resumed. `/remind list` shows which are paused.',
    );
  }
  Object.assign(reminder, { state: 'pending', dueAt: nextOccurrence(reminder.rule, deps.now()), attempts: 0 });
  await deps.em.flush();
  await tryToSchedule(() => scheduleReminder(reminder), `reminder ${id}`);
  return ok(reminder);
}

/** Moves a reminder's job from its previous due time; only a pending reminder gets a new one. */
export async function reschedule(reminder: Reminder, previousDue: Date): Promise<void> {
  await tryToSchedule(async () => {
    await unscheduleReminder(reminder.id, previousDue);
    if (reminder.state === 'pending') await scheduleReminder(reminder);
  }, `reminder ${reminder.id}`);
}
