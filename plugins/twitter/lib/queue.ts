import type { EntityManager } from '@mikro-orm/core';
import type { ReplyContent } from 'mellow';
import { TwitterPost } from '../entities/TwitterPost';
import { type Actor, isAdmin } from './access';
import { submitReply } from './compose';
import { checkText } from './content/checks';
import { reviewReason } from './posts';
import { closeReview, requestReview } from './review';
import { dropJob, postJobId, schedulePostJob } from './schedule';
import { settingsOf } from './settings';
import { accountLabel, discordWhen, problemReply } from './views';
import { scheduleTime } from './when';
import { diagnoses } from './x/failure';

const PENDING = ['review', 'scheduled', 'posting'] as const;
const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export async function listQueue(em: EntityManager, guildId: string): Promise<ReplyContent> {
  const posts = await em.find(
    TwitterPost,
    { guildId, status: { $in: [...PENDING] } },
    { orderBy: { scheduledFor: 'asc', id: 'asc' }, limit: 25 },
  );
  if (posts.length === 0) {
    return { outcome: 'info', title: 'The queue is empty', description: 'Queue a post with `/twitter schedule`.' };
  }
  const lines = posts.map((post) => {
    const when = post.scheduledFor ? discordWhen(post.scheduledFor) : 'now';
    const state =
      post.status === 'review'
        ? `waiting for review, then ${when}`
        : post.status === 'posting'
          ? 'being posted'
          : post.heldUntil && post.errorKind
            ? `held until ${discordWhen(post.heldUntil)}: ${diagnoses[post.errorKind as keyof typeof diagnoses]?.title ?? post.errorKind}`
            : when;
    return `**#${post.id}** · ${state}\n> ${clip(post.text).replace(/\n/g, ' ')}`;
  });
  return { outcome: 'info', title: `Queued posts (${posts.length})`, description: lines.join('\n') };
}

/** Post ids are Postgres integers; a larger number is no post rather than a database error. */
export const MAX_POST_ID = 2_147_483_647;

/** A queued post the actor may change: their own, or any for admins. */
export async function ownQueued(em: EntityManager, guildId: string, id: number, actor: Actor) {
  const post =
    Number.isInteger(id) && id > 0 && id <= MAX_POST_ID
      ? await em.findOne(TwitterPost, { id, guildId, status: { $in: ['review', 'scheduled'] } })
      : null;
  if (!post) return { error: `There is no queued post #${id} on this server. \`/twitter queue list\` shows them.` };
  if (post.authorId !== actor.userId && !isAdmin(actor)) {
    return { error: 'Only its author or a server admin can change that post.' };
  }
  return { post };
}

export async function removeFromQueue(
  em: EntityManager,
  guildId: string,
  id: number,
  actor: Actor,
): Promise<ReplyContent> {
  const found = await ownQueued(em, guildId, id, actor);
  if ('error' in found) return problemReply('Can’t remove that post', found.error);
  const changed = await em.nativeUpdate(TwitterPost, { id, status: found.post.status }, { status: 'cancelled' });
  if (!changed)
    return { outcome: 'warning', title: 'That post is already on its way', description: 'It was being posted.' };
  if (found.post.status === 'scheduled') await dropJob(postJobId(found.post));
  await closeReview(found.post, `Removed from the queue by <@${actor.userId}>`);
  return { outcome: 'success', title: `Removed post #${id}`, description: `> ${clip(found.post.text, 300)}` };
}

/** New text and/or time for a queued post. It goes back to review when the server requires it. */
export async function editQueued(
  em: EntityManager,
  guildId: string,
  id: number,
  actor: Actor,
  text: string,
  whenText: string,
): Promise<ReplyContent> {
  const found = await ownQueued(em, guildId, id, actor);
  if ('error' in found) return problemReply('Can’t edit that post', found.error);
  const { post } = found;
  const settings = await settingsOf(em, guildId);
  const check = checkText(text, settings.blockedTerms);
  if (!check.ok) return problemReply('That post can’t go out as it is', check.problem);
  let at = post.scheduledFor;
  if (whenText.trim()) {
    const parsed = scheduleTime(whenText, settings.timeZone);
    if (!parsed.ok) return problemReply('I couldn’t read that time', parsed.error);
    at = parsed.at;
  }
  const reason = reviewReason(settings, check.sensitiveTopic);
  // Like a new post: one that needs review and has nowhere to get it does not go out unreviewed.
  if (reason && !settings.reviewChannelId) return submitReply({ kind: 'no-review-channel', reason });
  const revision = post.revision + 1;
  // Only the version the author saw: if it was approved, claimed or edited meanwhile, nothing changes.
  const changed = await em.nativeUpdate(
    TwitterPost,
    { id, status: post.status, revision: post.revision },
    {
      text: text.trim(),
      scheduledFor: reason ? at : (at ?? new Date()),
      heldUntil: null,
      reviewReason: reason,
      status: reason ? 'review' : 'scheduled',
      revision,
    },
  );
  if (!changed) {
    return {
      outcome: 'warning',
      title: 'That post changed meanwhile',
      description:
        'It was approved, posted or edited while you were typing. `/twitter queue list` shows where it is now.',
    };
  }
  const previousJob = post.status === 'scheduled' && post.scheduledFor ? postJobId(post) : undefined;
  const edited = (await em.fork().findOne(TwitterPost, id))!;
  if (!reason) {
    await schedulePostJob(edited, previousJob);
    if (post.status === 'review') await closeReview(post, `Edited by <@${actor.userId}>; it no longer needs review`);
    return {
      outcome: 'success',
      title: `Post #${id} edited`,
      description: `It goes out ${discordWhen(edited.scheduledFor!)}.`,
    };
  }
  if (previousJob) await dropJob(previousJob);
  if (!(await requestReview(edited, settings, accountLabel(edited, null)))) {
    await em.nativeUpdate(
      TwitterPost,
      { id, status: 'review', revision },
      {
        text: post.text,
        scheduledFor: post.scheduledFor,
        heldUntil: post.heldUntil,
        reviewReason: post.reviewReason,
        status: post.status,
        // The review request still shown approves this revision again.
        revision: post.revision,
      },
    );
    if (previousJob) await schedulePostJob(post);
    return problemReply(
      'Nothing was changed',
      'The edited post needs review, but I could not post in the review channel. An admin checks `/twitter settings review-channel` and that I may send messages there.',
    );
  }
  await closeReview(post, `Edited by <@${actor.userId}>; a new review request follows`);
  return { outcome: 'success', title: `Post #${id} edited`, description: 'It went back to review.' };
}
