import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { pluginEnabledIn } from 'mellow';
import { TwitterConnectRequest } from '../entities/TwitterConnectRequest';
import { TwitterPost } from '../entities/TwitterPost';
import { TwitterRecurring } from '../entities/TwitterRecurring';
import { twitterContext } from './config';

/**
 * Job ids carry the time as well as the row: a post rescheduled from inside its own running job
 * (after a 429) gets a new job, while the old one can't be removed yet. A task checks the time in
 * its payload against the row, so a stale job does nothing.
 */
export const postJobId = (post: Pick<TwitterPost, 'id' | 'scheduledFor'>) =>
  `twitter-post-${post.id}-${post.scheduledFor!.getTime()}`;
export const recurringJobId = (recurring: Pick<TwitterRecurring, 'id' | 'nextAt'>) =>
  `twitter-recurring-${recurring.id}-${recurring.nextAt.getTime()}`;

const delayUntil = (at: Date) => Math.max(0, at.getTime() - Date.now());

/** Removes a job; one that is running or gone is left alone (its task checks the row anyway). */
export const dropJob = (jobId: string) => withDeadline(container.tasks.delete(jobId)).catch(() => null);

const REDIS_DEADLINE_MS = 2000;

/**
 * BullMQ waits for Redis when it is down. The row is already safe in Postgres and reconcile makes
 * its job when Redis is back, so nobody waits for Redis longer than this.
 */
function withDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${REDIS_DEADLINE_MS} ms`)),
      REDIS_DEADLINE_MS,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Adds a job under its deterministic id. BullMQ ignores an add whose id is taken, and a job that
 * failed keeps its id (`removeOnFail`), so a finished job under that id is removed first: else one
 * failure would block its row for good.
 */
async function enqueue(create: () => Promise<unknown>, jobId: string): Promise<void> {
  try {
    await withDeadline(
      (async () => {
        const existing = await container.tasks.client.getJob(jobId);
        if (existing && ((await existing.isFailed()) || (await existing.isCompleted()))) await existing.remove();
        await create();
      })(),
    );
  } catch (error) {
    twitterContext().logger.warn(`Could not queue job ${jobId} now; reconcile queues it when Redis is back`, {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

const schedulerUp = () =>
  container.mellow.scheduler.ping(1000).then(
    () => true,
    () => false,
  );

export async function schedulePostJob(post: TwitterPost, previousJobId?: string): Promise<void> {
  if (previousJobId && previousJobId !== postJobId(post)) await dropJob(previousJobId);
  await enqueue(
    () =>
      container.tasks.create(
        {
          name: 'twitterPostDue',
          payload: { guildId: post.guildId, postId: post.id, at: post.scheduledFor!.getTime() },
        },
        { repeated: false, delay: delayUntil(post.scheduledFor!), customJobOptions: { jobId: postJobId(post) } },
      ),
    postJobId(post),
  );
}

export async function scheduleRecurringJob(recurring: TwitterRecurring, previousJobId?: string): Promise<void> {
  if (previousJobId && previousJobId !== recurringJobId(recurring)) await dropJob(previousJobId);
  await enqueue(
    () =>
      container.tasks.create(
        {
          name: 'twitterRecurringDue',
          payload: { guildId: recurring.guildId, recurringId: recurring.id, at: recurring.nextAt.getTime() },
        },
        {
          repeated: false,
          delay: delayUntil(recurring.nextAt),
          customJobOptions: { jobId: recurringJobId(recurring) },
        },
      ),
    recurringJobId(recurring),
  );
}

/** A post whose request never came back (the process died mid-call) is retried after a check. */
export const STUCK_AFTER_MS = 10 * 60_000;

export const stuckJobId = (post: Pick<TwitterPost, 'id' | 'attemptStartedAt'>) =>
  `twitter-stuck-${post.id}-${post.attemptStartedAt!.getTime()}`;

/** Wakes the bot when a post's attempt would count as stuck, in case nothing comes back. */
export async function scheduleStuckCheck(post: TwitterPost): Promise<void> {
  const startedAt = post.attemptStartedAt!.getTime();
  await enqueue(
    () =>
      container.tasks.create(
        { name: 'twitterPostStuck', payload: { guildId: post.guildId, postId: post.id, startedAt } },
        {
          repeated: false,
          delay: delayUntil(new Date(startedAt + STUCK_AFTER_MS)),
          customJobOptions: { jobId: stuckJobId(post) },
        },
      ),
    stuckJobId(post),
  );
}

/**
 * An attempt that started at `startedAt` and never finished: X may have made the post, so it is
 * queued again with its outcome unknown (the next attempt looks on the timeline first).
 */
export async function recoverStuck(em: EntityManager, postId: number, startedAt: number): Promise<void> {
  if (startedAt + STUCK_AFTER_MS > Date.now()) return;
  const moved = await em.nativeUpdate(
    TwitterPost,
    { id: postId, status: 'posting', attemptStartedAt: new Date(startedAt) },
    { status: 'scheduled', outcomeUnknown: true, scheduledFor: new Date() },
  );
  if (moved) await schedulePostJob((await em.fork().findOne(TwitterPost, postId))!);
}

/**
 * Gives every pending row of the guilds where the plugin is on exactly one job, and drops jobs
 * whose row is gone or moved. Rows of guilds where it is off keep waiting: `guildEnable` brings
 * them back.
 */
export async function reconcileJobs(em: EntityManager, guildId?: string): Promise<void> {
  if (!(await schedulerUp())) return; // called again when Redis is back
  await em.nativeUpdate(
    TwitterPost,
    { status: 'posting', attemptStartedAt: { $lt: new Date(Date.now() - STUCK_AFTER_MS) } },
    { status: 'scheduled', outcomeUnknown: true, scheduledFor: new Date() },
  );
  const where = guildId ? { guildId } : {};
  const active = (row: { guildId: string }) => pluginEnabledIn('twitter', row.guildId);
  // Attempts under way: if this process died mid-call, nothing else would ever look at them.
  for (const post of (await em.find(TwitterPost, { ...where, status: 'posting' })).filter(active)) {
    if (post.attemptStartedAt) await scheduleStuckCheck(post);
  }
  for (const post of (await em.find(TwitterPost, { ...where, status: 'scheduled' })).filter(active)) {
    await schedulePostJob(post);
  }
  for (const row of (await em.find(TwitterRecurring, where)).filter(active)) await scheduleRecurringJob(row);
  if (!guildId) await dropStaleJobs(em);
}

/** Removes jobs whose row is gone or now due at another time (checked afresh, for other processes). */
async function dropStaleJobs(em: EntityManager): Promise<void> {
  const jobs = await withDeadline(container.tasks.list({ types: ['delayed', 'waiting'] }));
  for (const job of jobs) {
    const match = /^twitter-(post|recurring)-(\d+)-(\d+)$/.exec(job?.id ?? '');
    if (!match) continue;
    const [, kind, id, at] = match;
    const row =
      kind === 'post'
        ? await em.fork().findOne(TwitterPost, { id: Number(id), status: 'scheduled' })
        : await em.fork().findOne(TwitterRecurring, { id: Number(id) });
    const due = row instanceof TwitterPost ? row.scheduledFor : row?.nextAt;
    if (due?.getTime() !== Number(at)) await job.remove().catch(() => null);
  }
}

/** Drafts nobody posted or cancelled within a day, and connections never finished, are dropped. */
export async function dropAbandoned(em: EntityManager): Promise<void> {
  await em.nativeDelete(TwitterPost, { status: 'draft', createdAt: { $lt: new Date(Date.now() - 86_400_000) } });
  await em.nativeDelete(TwitterConnectRequest, { expiresAt: { $lt: new Date() } });
}
