import { container } from '@sapphire/framework';
import type { Reminder } from '../entities/Reminder';

/** One job per occurrence: the id names the row and its due time, so a stale job can never fire a new time. */
export const reminderJobId = (id: number, dueAt: Date) => `reminders-${id}-${dueAt.getTime()}`;

export const checkinJobId = (userId: string, dueAt: Date) => `reminders-checkin-${userId}-${dueAt.getTime()}`;

export interface ReminderDuePayload {
  reminderId: number;
  dueAt: number;
  /** Only for reminders posted in a server channel, so the server's switch holds them; never for DMs. */
  guildId?: string;
  /** Check a "sending" row whose lease ran out instead of delivering. */
  recover?: boolean;
}

export interface CheckinDuePayload {
  userId: string;
  dueAt: number;
}

export function duePayload(reminder: Reminder): ReminderDuePayload {
  const payload: ReminderDuePayload = { reminderId: reminder.id, dueAt: reminder.dueAt.getTime() };
  if (reminder.target !== 'dm' && reminder.guildId) payload.guildId = reminder.guildId;
  return payload;
}

/** Gives the reminder's current occurrence its job. Adding an id BullMQ already has is a no-op. */
export async function scheduleReminder(reminder: Reminder): Promise<void> {
  await container.tasks.create(
    { name: 'remindersDue', payload: duePayload(reminder) },
    {
      repeated: false,
      delay: Math.max(0, reminder.dueAt.getTime() - Date.now()),
      customJobOptions: { jobId: reminderJobId(reminder.id, reminder.dueAt), removeOnComplete: true },
    },
  );
}

/** A later attempt at the same occurrence, under its own id (the running job still holds the first one). */
export async function scheduleRetry(reminder: Reminder, attempt: number, delayMs: number): Promise<void> {
  await container.tasks.create(
    { name: 'remindersDue', payload: duePayload(reminder) },
    {
      repeated: false,
      delay: delayMs,
      customJobOptions: { jobId: `${reminderJobId(reminder.id, reminder.dueAt)}-r${attempt}`, removeOnComplete: true },
    },
  );
}

/**
 * A later look at a "sending" occurrence whose sender may have died. `claimedAt` makes each check's id
 * unique, so a new check is never swallowed by the one now running.
 */
export async function scheduleRecoveryCheck(
  reminder: Reminder,
  delayMs: number,
  claimedAt: Date | null,
): Promise<void> {
  const jobId = `${reminderJobId(reminder.id, reminder.dueAt)}-recover${claimedAt?.getTime() ?? ''}`;
  await container.tasks.create(
    { name: 'remindersDue', payload: { ...duePayload(reminder), recover: true } },
    { repeated: false, delay: Math.max(0, delayMs), customJobOptions: { jobId, removeOnComplete: true } },
  );
}

/** Drops the job of one occurrence; its row decides what happens next. */
export async function unscheduleReminder(id: number, dueAt: Date): Promise<void> {
  await container.tasks.delete(reminderJobId(id, dueAt));
}

export async function scheduleCheckin(userId: string, dueAt: Date): Promise<void> {
  await container.tasks.create(
    { name: 'remindersCheckin', payload: { userId, dueAt: dueAt.getTime() } },
    {
      repeated: false,
      delay: Math.max(0, dueAt.getTime() - Date.now()),
      customJobOptions: { jobId: checkinJobId(userId, dueAt), removeOnComplete: true },
    },
  );
}

export async function unscheduleCheckin(userId: string, dueAt: Date): Promise<void> {
  await container.tasks.delete(checkinJobId(userId, dueAt));
}

const SCHEDULE_WAIT_MS = 1500;

/**
 * BullMQ waits for Redis forever while it is down. The row is the truth and reconcile adds the job when Redis
 * is back, so callers wait a moment at most: this rejects after `ms`.
 */
export async function withinMs<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Schedules without ever failing the caller: a failure is logged, and reconcile retries. */
export async function tryToSchedule(work: () => Promise<void>, what: string): Promise<void> {
  try {
    await withinMs(work(), SCHEDULE_WAIT_MS, `scheduling ${what}`);
  } catch (error) {
    container.logger.warn(`reminders: could not schedule ${what} (reconcile will retry)`, error);
  }
}

declare module '@sapphire/plugin-scheduled-tasks' {
  interface ScheduledTasks {
    remindersDue: ReminderDuePayload;
    remindersCheckin: CheckinDuePayload;
  }
}
