import type { EntityManager } from '@mikro-orm/core';
import { type ImageType, type PostAccount, type PostSource, TwitterPost } from '../entities/TwitterPost';
import type { TwitterSettings } from '../entities/TwitterSettings';
import { type Actor, isOwnerOrStaff, mayWrite } from './access';
import { guildAccount, isBotAccountConfigured } from './accounts';
import { checkText } from './content/checks';
import { type PublishOutcome, publish } from './publisher';
import { requestReview } from './review';
import { schedulePostJob } from './schedule';
import { settingsOf } from './settings';
import { accountLabel } from './views';
import { diagnoses } from './x/failure';

export interface DraftInput {
  guildId: string;
  channelId: string | null;
  text: string;
  /** Which account; by default the guild's own, else the bot-wide one for owners and staff. */
  account?: PostAccount;
  image?: { data: Buffer; type: ImageType } | null;
  scheduledFor?: Date | null;
  source?: PostSource;
}

export type DraftResult =
  | { ok: true; post: TwitterPost; weightedLength: number; account: string }
  | { ok: false; title: string; problem: string };

const refuse = (title: string, problem: string): DraftResult => ({ ok: false, title, problem });

/** Picks the account and checks the actor may use it. */
export async function chooseAccount(
  em: EntityManager,
  actor: Actor | null,
  settings: TwitterSettings,
  requested: PostAccount | undefined,
): Promise<{ account: PostAccount; label: string } | { title: string; problem: string }> {
  const own = await guildAccount(em, settings.guildId);
  const privileged = actor === null || isOwnerOrStaff(actor.userId);
  const account = requested ?? (own || !privileged ? 'guild' : 'bot');
  if (account === 'bot') {
    if (!privileged)
      return { title: 'Not allowed', problem: 'Only bot owners and staff may post with the bot-wide account.' };
    if (!isBotAccountConfigured())
      return { title: diagnoses['not-configured'].title, problem: diagnoses['not-configured'].fix };
    return { account, label: accountLabel({ account }, null) };
  }
  if (actor && !mayWrite(actor, settings) && !privileged) {
    return {
      title: 'Not allowed',
      problem: 'Only server admins (Manage Server) and approvers may write posts for this server’s X account.',
    };
  }
  if (!own) return { title: diagnoses['not-connected'].title, problem: diagnoses['not-connected'].fix };
  return { account, label: accountLabel({ account }, own.username) };
}

/** Checks a post and stores it as a draft. `actor` is null for the bot's own recurring content. */
export async function createDraft(em: EntityManager, actor: Actor | null, input: DraftInput): Promise<DraftResult> {
  const settings = await settingsOf(em, input.guildId);
  const chosen = await chooseAccount(em, actor, settings, input.account);
  if ('problem' in chosen) return refuse(chosen.title, chosen.problem);
  const check = checkText(input.text, settings.blockedTerms);
  if (!check.ok) return refuse('That post can’t go out as it is', check.problem);
  const post = em.create(TwitterPost, {
    guildId: input.guildId,
    account: chosen.account,
    authorId: actor?.userId ?? null,
    channelId: input.channelId,
    text: input.text.trim(),
    image: input.image?.data ?? null,
    imageType: input.image?.type ?? null,
    source: input.source ?? 'manual',
    scheduledFor: input.scheduledFor ?? null,
    reviewReason: check.sensitiveTopic ? sensitiveReason(check.sensitiveTopic) : null,
  });
  await em.flush();
  return { ok: true, post, weightedLength: check.weightedLength, account: chosen.label };
}

export type SubmitResult =
  | { kind: 'review'; post: TwitterPost; reason: string }
  | { kind: 'scheduled'; post: TwitterPost }
  | { kind: 'no-review-channel'; reason: string }
  | { kind: 'published'; outcome: PublishOutcome }
  | { kind: 'gone' };

const APPROVAL_REASON = 'this server requires approval for every post';
const sensitiveReason = (topic: string) => `it mentions a sensitive topic (${topic})`;

/** Why a post must wait for an approver, or null. */
export function reviewReasonOf(post: TwitterPost, settings: TwitterSettings): string | null {
  return settings.approvalRequired ? APPROVAL_REASON : post.reviewReason;
}

/** Why a text just checked must wait for an approver, or null. */
export function reviewReason(settings: TwitterSettings, sensitiveTopic: string | null): string | null {
  if (settings.approvalRequired) return APPROVAL_REASON;
  return sensitiveTopic ? sensitiveReason(sensitiveTopic) : null;
}

/** Sends a draft on its way: to review, to the queue, or straight to X. */
export async function submit(em: EntityManager, postId: number, account: string): Promise<SubmitResult> {
  const post = await em.findOne(TwitterPost, { id: postId, status: 'draft' });
  if (!post) return { kind: 'gone' };
  const settings = await settingsOf(em, post.guildId);
  const reason = reviewReasonOf(post, settings);
  if (reason) {
    if (!settings.reviewChannelId) return { kind: 'no-review-channel', reason };
    post.status = 'review';
    post.reviewReason = reason;
    await em.flush();
    if (!(await requestReview(post, settings, account))) {
      post.status = 'draft';
      await em.flush();
      return { kind: 'no-review-channel', reason };
    }
    return { kind: 'review', post, reason };
  }
  if (post.scheduledFor && post.scheduledFor.getTime() > Date.now()) {
    post.status = 'scheduled';
    await em.flush();
    await schedulePostJob(post);
    return { kind: 'scheduled', post };
  }
  return { kind: 'published', outcome: await publish(em, post.id, ['draft']) };
}

export type ReviewResult =
  | { kind: 'scheduled'; post: TwitterPost }
  | { kind: 'published'; outcome: PublishOutcome }
  | { kind: 'rejected'; post: TwitterPost }
  | { kind: 'own-post' }
  /** The author changed the post after this review request went out. */
  | { kind: 'edited' }
  /** The post no longer passes the server's checks (a term blocked since). */
  | { kind: 'refused'; problem: string }
  | { kind: 'gone' };

/** The post under review at the revision the reviewer saw, or why it can't be decided on. */
async function underReview(
  em: EntityManager,
  postId: number,
  revision: number,
  reviewerId: string,
): Promise<TwitterPost | Exclude<ReviewResult, { post: TwitterPost } | { outcome: PublishOutcome }>> {
  const post = await em.findOne(TwitterPost, { id: postId, status: 'review' });
  if (!post) return { kind: 'gone' };
  if (post.revision !== revision) return { kind: 'edited' };
  if (post.authorId === reviewerId) return { kind: 'own-post' };
  return post;
}

export async function approve(
  em: EntityManager,
  postId: number,
  revision: number,
  reviewerId: string,
): Promise<ReviewResult> {
  const post = await underReview(em, postId, revision, reviewerId);
  if (!(post instanceof TwitterPost)) return post;
  const check = checkText(post.text, (await settingsOf(em, post.guildId)).blockedTerms);
  if (!check.ok) return { kind: 'refused', problem: check.problem };
  const reviewed = { id: postId, status: 'review' as const, revision };
  if (!(await em.nativeUpdate(TwitterPost, reviewed, { reviewerId }))) return { kind: 'gone' };
  if (post.scheduledFor && post.scheduledFor.getTime() > Date.now()) {
    const moved = await em.nativeUpdate(TwitterPost, reviewed, { status: 'scheduled' });
    if (!moved) return { kind: 'gone' };
    await em.refresh(post);
    await schedulePostJob(post);
    return { kind: 'scheduled', post };
  }
  const outcome = await publish(em, postId, ['review'], revision);
  return outcome.kind === 'skipped' ? { kind: 'gone' } : { kind: 'published', outcome };
}

export async function reject(
  em: EntityManager,
  postId: number,
  revision: number,
  reviewerId: string,
  note: string | null,
): Promise<ReviewResult> {
  const post = await underReview(em, postId, revision, reviewerId);
  if (!(post instanceof TwitterPost)) return post;
  const moved = await em.nativeUpdate(
    TwitterPost,
    { id: postId, status: 'review', revision },
    { status: 'rejected', reviewerId, reviewNote: note },
  );
  if (!moved) return { kind: 'gone' };
  await em.refresh(post);
  return { kind: 'rejected', post };
}

/** Cancels a draft (the author's Cancel button). */
export async function cancelDraft(em: EntityManager, postId: number, userId: string): Promise<boolean> {
  return (
    (await em.nativeUpdate(TwitterPost, { id: postId, status: 'draft', authorId: userId }, { status: 'cancelled' })) > 0
  );
}
