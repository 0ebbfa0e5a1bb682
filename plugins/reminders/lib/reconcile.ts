import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import type { JobsOptions } from 'bullmq';
import { pluginEnabledIn } from 'mellow';
import { Reminder } from '../entities/Reminder';
import { ReminderUser } from '../entities/ReminderUser';
import type { RemindersConfig } from './config';
import { recoverInterrupted } from './delivery/recover';
import { dispatcher } from './delivery/deliver';
import {
  checkinJobId,
  duePayload,
  reminderJobId,
  scheduleRecoveryCheck,
  scheduleReminder,
  tryToSchedule,
  withinMs,
} from './schedule';

const OUR_TASKS = new Set(['remindersDue', 'remindersCheckin']);
const BATCH = 500;

/** A server's channel reminders wait while the plugin is off there; DM reminders never wait. */
const heldByGuild = (reminder: Reminder) =>
  reminder.target !== 'dm' && reminder.guildId !== null && !pluginEnabledIn('reminders', reminder.guildId);

interface Job {
  name: string;
  data: unknown;
  opts: JobsOptions;
}

/**
 * Makes the queue match Postgres: every pending occurrence and check-in gets exactly one job, jobs with no
 * pending row go, and reminders a crash left "sending" are checked and finished. Idempotent; every process
 * may run it at once. With `guildId`, only that server's channel reminders (after it turned the plugin on).
 */
export async function reconcileReminders(em: EntityManager, config: RemindersConfig, guildId?: string): Promise<void> {
  // Jobs first, rows second: a job created after the listing has its row committed before it, so it is never
  // mistaken for an orphan.
  const queue = container.tasks.client;
  // While Redis is down this fails fast instead of holding up every other plugin's reconcile; the core calls
  // again when Redis is back.
  const jobs = guildId
    ? []
    : await withinMs(queue.getJobs(['delayed', 'waiting', 'paused', 'prioritized']), 5_000, 'listing jobs');
  const scope = guildId ? { guildId, target: { $ne: 'dm' as const } } : {};
  await recoverStale(em, config, scope);

  const expected = new Map<string, Job>();
  for (const reminder of await em.find(Reminder, { state: 'pending', ...scope })) {
    if (heldByGuild(reminder)) continue;
    const jobId = reminderJobId(reminder.id, reminder.dueAt);
    expected.set(jobId, job('remindersDue', duePayload(reminder), jobId, reminder.dueAt));
  }
  if (!guildId) {
    for (const user of await em.find(ReminderUser, { checkinHours: { $ne: null }, checkinNextAt: { $ne: null } })) {
      const jobId = checkinJobId(user.userId, user.checkinNextAt!);
      expected.set(
        jobId,
        job(
          'remindersCheckin',
          { userId: user.userId, dueAt: user.checkinNextAt!.getTime() },
          jobId,
          user.checkinNextAt!,
        ),
      );
    }
  }

  const existing = new Set<string>();
  for (const queued of jobs) {
    if (!queued?.id || !OUR_TASKS.has(queued.name)) continue;
    // Retries and recovery checks ride on their occurrence's id. A retry stands in for its occurrence's job:
    // re-adding the base job (delay 0) would skip the retry's backoff.
    const base = queued.id.replace(/-(r\d+|recover\d*)$/, '');
    if (!expected.has(base)) await queued.remove().catch(() => undefined);
    else if (!queued.id.startsWith(`${base}-recover`)) existing.add(base);
  }
  const missing = [...expected].filter(([jobId]) => !existing.has(jobId)).map(([, add]) => add);
  for (let start = 0; start < missing.length; start += BATCH)
    await withinMs(queue.addBulk(missing.slice(start, start + BATCH)), 5_000, 'adding jobs');
  if (!guildId) await purgeFinished(em, config);
}

function job(name: string, data: unknown, jobId: string, at: Date): Job {
  return { name, data, opts: { jobId, delay: Math.max(0, at.getTime() - Date.now()), removeOnComplete: true } };
}

async function recoverStale(em: EntityManager, config: RemindersConfig, scope: object): Promise<void> {
  const leaseMs = config.REMINDERS_SENDING_LEASE_SECONDS * 1000;
  const sending = await em.find(Reminder, { state: 'sending', ...scope });
  for (const reminder of sending) {
    if (heldByGuild(reminder)) continue;
    const expiresAt = (reminder.claimedAt?.getTime() ?? 0) + leaseMs;
    if (expiresAt <= Date.now()) {
      dispatcher.enqueue(() => recoverInterrupted(container.mellow.orm.em.fork(), reminder, leaseMs));
    } else {
      // Maybe still being sent by a live process: look again when its lease runs out.
      await tryToSchedule(
        () => scheduleRecoveryCheck(reminder, expiresAt - Date.now(), reminder.claimedAt),
        `a recovery check of reminder ${reminder.id}`,
      );
    }
  }
}

/** Past due by this much and still pending: its job was lost (taken by a process that died), not in backoff. */
const OVERDUE_AFTER_MS = 10 * 60_000;

/**
 * The periodic safety net between reconciles: work a dead process held (claimed rows past their lease, due
 * rows whose job it had taken) is picked up within one cleanup interval, not at the next restart.
 */
export async function recoverAbandoned(em: EntityManager, config: RemindersConfig): Promise<void> {
  await recoverStale(em, config, {});
  const overdue = await em.find(Reminder, {
    state: 'pending',
    dueAt: { $lt: new Date(Date.now() - OVERDUE_AFTER_MS) },
  });
  for (const reminder of overdue) {
    if (heldByGuild(reminder)) continue;
    // The claim is atomic, so a job for a row some process is still about to deliver claims nothing.
    await tryToSchedule(() => scheduleReminder(reminder), `overdue reminder ${reminder.id}`);
  }
}

/** Delivered and dismissed reminders are kept a few days for their buttons, then removed. */
export async function purgeFinished(em: EntityManager, config: RemindersConfig): Promise<number> {
  const cutoff = new Date(Date.now() - config.REMINDERS_KEEP_SENT_DAYS * 86_400_000);
  return em.nativeDelete(Reminder, {
    state: { $in: ['sent', 'done', 'undeliverable'] },
    $or: [{ deliveredAt: { $lt: cutoff } }, { deliveredAt: null, createdAt: { $lt: cutoff } }],
  });
}
