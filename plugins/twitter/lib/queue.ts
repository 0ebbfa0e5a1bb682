import type { EntityManager } from '@mikro-orm/core';
import { type ReplyContent, discordTime } from 'mellow';
import { parseWhen } from '../../../src/lib/time';
import { TwitterPost } from '../entities/TwitterPost';
import { type Actor, isAdmin } from './access';
import { checkText } from './content/checks';
import { closeReview, requestReview } from './review';
import { dropJob, postJobId, schedulePostJob } from './schedule';
import { settingsOf } from './settings';
import { accountLabel } from './views';
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
    const when = post.scheduledFor
      ? `${discordTime(post.scheduledFor)} (${discordTime(post.scheduledFor, 'R')})`
      : 'now';
    const state =
      post.status === 'review'
        ? `waiting for review, then ${when}`
        : post.status === 'posting'
          ? 'being posted'
          : post.heldUntil && post.errorKind
            ? `held until ${discordTime(post.heldUntil)} (${discordTime(post.heldUntil, 'R')}): ${diagnoses[post.errorKind as keyof typeof diagnoses]?.title ?? post.errorKind}`
            : when;
    return `**#${post.id}** · ${state}\n> ${clip(post.text).replace(/\n/g, ' ')}`;
  });
  return { outcome: 'info', title: `Queued posts (${posts.length})`, description: lines.join('\n') };
}

/** A queued post the actor may change: their own, or any for admins. */
async function ownQueued(em: EntityManager, guildId: string, id: number, actor: Actor) {
  const post = await em.findOne(TwitterPost, { id, guildId, status: { $in: ['review', 'scheduled'] } });
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
  if ('error' in found) return { outcome: 'error', title: 'Can’t remove that post', description: found.error };
  const changed = await em.nativeUpdate(TwitterPost, { id, status: found.post.status }, { status: 'cancelled' });
  if (!changed)
    return { outcome: 'warning', title: 'That post is already on its way', description: 'It was being posted.' };
  if (found.post.status === 'scheduled') await dropJob(postJobId(found.post));
  await closeReview(found.post, `Removed from the queue by <@${actor.userId}>`);
  return { outcome: 'success', title: `Removed post #${id}`, description: `> ${clip(found.post.text, 300)}` };
}

export async function currentQueued(em: EntityManager, guildId: string, id: number, actor: Actor) {
  return ownQueued(em, guildId, id, actor);
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
  if ('error' in found) return { outcome: 'error', title: 'Can’t edit that post', description: found.error };
  const { post } = found;
  const settings = await settingsOf(em, guildId);
  const check = checkText(text, settings.blockedTerms);
  if (!check.ok) return { outcome: 'error', title: 'That post can’t go out as it is', description: check.problem };
  let at = post.scheduledFor;
  if (whenText.trim()) {
    const parsed = parseWhen(whenText, { zone: settings.timeZone, allowRecurring: false });
    if (!parsed.ok) return { outcome: 'error', title: 'I couldn’t read that time', description: parsed.error };
    if (parsed.when.kind !== 'once')
      return { outcome: 'error', title: 'One time only', description: 'A queued post goes out once.' };
    at = parsed.when.at;
  }
  const previousJob = post.status === 'scheduled' && post.scheduledFor ? postJobId(post) : undefined;
  const needsReview = settings.approvalRequired || check.sensitiveTopic !== null;
  Object.assign(post, {
    text: text.trim(),
    scheduledFor: at,
    heldUntil: null,
    reviewReason: check.sensitiveTopic ? `it mentions a sensitive topic (${check.sensitiveTopic})` : post.reviewReason,
  });
  if (needsReview && settings.reviewChannelId) {
    await closeReview(post, `Edited by <@${actor.userId}>; a new review request follows`);
    post.status = 'review';
    await em.flush();
    if (previousJob) await dropJob(previousJob);
    await requestReview(post, settings, accountLabel(post, null));
    return { outcome: 'success', title: `Post #${id} edited`, description: 'It went back to review.' };
  }
  post.status = 'scheduled';
  post.scheduledFor = at ?? new Date();
  await em.flush();
  await schedulePostJob(post, previousJob);
  return {
    outcome: 'success',
    title: `Post #${id} edited`,
    description: `It goes out ${discordTime(post.scheduledFor!)} (${discordTime(post.scheduledFor!, 'R')}).`,
  };
}
