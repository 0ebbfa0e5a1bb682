import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import type { TweetV2PostTweetResult } from 'twitter-api-v2';
import { type PostStatus, TwitterPost } from '../entities/TwitterPost';
import { type XAccount, resolveAccount } from './accounts';
import { twitterConfig, twitterContext } from './config';
import { DAY_MS, postsInLastDay } from './limits';
import { limitsFor, settingsOf } from './settings';
import { findBlockedTerm } from './content/checks';
import { schedulePostJob, scheduleStuckCheck } from './schedule';
import { findOnTimeline } from './timeline';
import { XFailure, callX } from './x/failure';

export type PublishOutcome =
  | { kind: 'posted'; post: TwitterPost; recovered: boolean }
  /** Not posted yet: it waits for `post.scheduledFor` (a rate limit, the cap, or a retry). */
  | { kind: 'queued'; post: TwitterPost; failure: XFailure }
  | { kind: 'failed'; post: TwitterPost; failure: XFailure }
  /** Someone else took it first (another approver, another process), or it changed meanwhile. */
  | { kind: 'skipped' };

/**
 * Sends one post to X, at most once. The cap and the minimum interval are checked, and the post
 * claimed, under a Postgres advisory lock per account, counting from the posts table: they hold
 * across restarts and processes. A post whose last attempt timed out is first looked for on the
 * account's timeline, since X has no idempotency key.
 */
export async function publish(
  em: EntityManager,
  postId: number,
  from: PostStatus[],
  revision?: number,
): Promise<PublishOutcome> {
  const claimed = await claim(em, postId, from, revision);
  if (claimed === 'failed' || claimed.kind !== 'claimed') return finish(em, postId, claimed);
  const post = (await em.fork().findOne(TwitterPost, postId, { populate: ['image'] }))!;
  try {
    const account = await resolveAccount(em.fork(), post.account, post.guildId);
    const sent = await send(account, post);
    await em.nativeUpdate(
      TwitterPost,
      { id: postId },
      {
        status: 'posted',
        tweetId: sent.id,
        postedAt: new Date(),
        outcomeUnknown: false,
        heldUntil: null,
        ...noError,
      },
    );
    return { kind: 'posted', post: await reload(em, postId), recovered: sent.recovered };
  } catch (error) {
    if (!(error instanceof XFailure)) {
      // Stays 'posting' (X may have made it): the stuck check queues it again after a timeline look.
      await scheduleStuckCheck(post);
      throw error;
    }
    return finish(em, postId, await recordFailure(em, post, error));
  }
}

const noError = { errorKind: null, errorDetail: null, errorAt: null };

type Claim = { kind: 'claimed' } | { kind: 'skipped' } | { kind: 'held'; failure: XFailure };

/** `revision`, when given, is the one an approver saw: an edited post is not theirs to send. */
async function claim(
  em: EntityManager,
  postId: number,
  from: PostStatus[],
  revision?: number,
): Promise<Claim | 'failed'> {
  return em.fork().transactional(async (tx) => {
    const claimable = { id: postId, status: { $in: from }, ...(revision === undefined ? {} : { revision }) };
    const first = await tx.findOne(TwitterPost, claimable);
    if (!first) return { kind: 'skipped' } as const;
    await (tx as SqlEntityManager).execute('select pg_advisory_xact_lock(hashtext(?))', [
      `twitter:${first.account === 'bot' ? 'bot' : first.guildId}`,
    ]);
    // Read again under the lock: another process may have claimed it meanwhile.
    const post = await tx.findOne(TwitterPost, claimable, { refresh: true });
    if (!post) return { kind: 'skipped' } as const;
    const settings = await settingsOf(tx, post.guildId);
    // A term blocked after the post was written stops it here, whoever queued or approved it.
    const blocked = findBlockedTerm(post.text, settings.blockedTerms);
    if (blocked) {
      const failure = new XFailure('blocked', blocked);
      const changed = await tx.nativeUpdate(TwitterPost, claimable, { status: 'failed', ...failureFields(failure) });
      return changed ? ('failed' as const) : ({ kind: 'skipped' } as const);
    }
    const limits = limitsFor(post.account, settings);
    const slots = (await postsInLastDay(tx, post.account, post.guildId, post.id)).map((date) => date.getTime());
    const nextSlot = slots.length ? slots.at(-1)! + limits.minIntervalMinutes * 60_000 : 0;
    const held =
      slots.length >= limits.dailyCap
        ? new XFailure('daily-cap', null, new Date((slots[slots.length - Math.max(1, limits.dailyCap)] ?? 0) + DAY_MS))
        : nextSlot > Date.now()
          ? new XFailure('interval', null, new Date(nextSlot))
          : null;
    const changed = await tx.nativeUpdate(
      TwitterPost,
      claimable,
      held
        ? { ...queuedAt(held.retryAt!), ...failureFields(held) }
        : { status: 'posting', attempts: post.attempts + 1, attemptStartedAt: new Date() },
    );
    if (!changed) return { kind: 'skipped' } as const;
    return held ? ({ kind: 'held', failure: held } as const) : ({ kind: 'claimed' } as const);
  });
}

async function send(account: XAccount, post: TwitterPost): Promise<{ id: string | null; recovered: boolean }> {
  if (post.outcomeUnknown) {
    const found = await lookFirst(account, post);
    if (found) return { id: found, recovered: true };
  }
  const media = post.image
    ? {
        media: {
          media_ids: [await callX(() => account.client.v2.uploadMedia(post.image!, { media_type: post.imageType! }))],
        },
      }
    : {};
  try {
    const response = await callX(() =>
      account.client.v2.post<TweetV2PostTweetResult>('tweets', { text: post.text, ...media }, { fullResponse: true }),
    );
    return { id: response.data.data.id, recovered: false };
  } catch (error) {
    // After an attempt that timed out, "duplicate" means that attempt went out: X made it then.
    if (post.outcomeUnknown && error instanceof XFailure && error.kind === 'duplicate')
      return { id: null, recovered: true };
    throw error;
  }
}

/** The timeline check before sending again. A check that fails is not a failed post: try later. */
async function lookFirst(account: XAccount, post: TwitterPost): Promise<string | null> {
  try {
    return await findOnTimeline(account, post);
  } catch (error) {
    if (!(error instanceof XFailure) || error.retry === 'later') throw error;
    throw new XFailure('unverified', error.message, null, error.status);
  }
}

const queuedAt = (at: Date) => ({ status: 'scheduled' as const, scheduledFor: at, heldUntil: at });
const failureFields = (failure: XFailure) => ({
  errorKind: failure.kind,
  errorDetail: failure.detail,
  errorAt: new Date(),
});

/** What a failure means for the post: wait (and when), or give up. */
async function recordFailure(em: EntityManager, post: TwitterPost, failure: XFailure): Promise<Claim | 'failed'> {
  const { retryDelaySeconds, maxAttempts } = twitterConfig();
  const backoff = new Date(Date.now() + retryDelaySeconds * 1000 * 2 ** Math.max(0, post.attempts - 1));
  const unknown = failure.retry === 'check-first';
  const retry =
    failure.retry === 'later' || (unknown && post.attempts < maxAttempts) ? (failure.retryAt ?? backoff) : null;
  // The failure carries X's words and our diagnosis only: never the request or its tokens.
  twitterContext().logger.warn(`Post #${post.id} to X failed: ${failure.message}`, {
    guildId: post.guildId,
    account: post.account,
    kind: failure.kind,
    status: failure.status,
    attempt: post.attempts,
    retryAt: retry,
  });
  await em.nativeUpdate(
    TwitterPost,
    { id: post.id },
    {
      ...failureFields(failure),
      ...(unknown ? { outcomeUnknown: true } : {}),
      ...(retry ? queuedAt(retry) : { status: 'failed' }),
    },
  );
  return retry ? { kind: 'held', failure } : 'failed';
}

async function finish(em: EntityManager, postId: number, result: Claim | 'failed'): Promise<PublishOutcome> {
  if (result === 'failed') {
    const post = await reload(em, postId);
    return { kind: 'failed', post, failure: storedFailure(post) };
  }
  if (result.kind !== 'held') return { kind: 'skipped' };
  const post = await reload(em, postId);
  await schedulePostJob(post);
  return { kind: 'queued', post, failure: result.failure };
}

const reload = async (em: EntityManager, id: number) => (await em.fork().findOne(TwitterPost, id))!;

/** The failure a post last recorded, rebuilt from its row. */
export function storedFailure(post: TwitterPost): XFailure {
  return new XFailure((post.errorKind ?? 'x-error') as XFailure['kind'], post.errorDetail, post.heldUntil);
}
