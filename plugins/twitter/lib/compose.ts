import { ButtonStyle } from 'discord.js';
import { type ReplyContent, discordTime } from 'mellow';
import type { TwitterPost } from '../entities/TwitterPost';
import { tellAuthor } from './notify';
import type { DraftResult, ReviewResult, SubmitResult } from './posts';
import { closeReview } from './review';
import { buttons, discordWhen, outcomeReply, postEmbed } from './views';

type Draft = Extract<DraftResult, { ok: true }>;

/** The preview of `/twitter post`: the post as X will get it, with Post and Cancel. */
export function previewReply({ post, weightedLength, account }: Draft): ReplyContent {
  return {
    outcome: 'info',
    title: 'Preview',
    description: post.reviewReason
      ? 'Check the post below. It will go to an approver first.'
      : 'Check the post below, then post it or cancel.',
    extra: {
      embeds: [postEmbed(post, { title: 'Your post', weightedLength, account })],
      components: [
        buttons(['send', post.id, 'Post', ButtonStyle.Primary], ['cancel', post.id, 'Cancel', ButtonStyle.Secondary]),
      ],
    },
  };
}

/** What the author sees once a draft is on its way. */
export function submitReply(result: SubmitResult): ReplyContent {
  switch (result.kind) {
    case 'review':
      return {
        outcome: 'info',
        title: 'Sent for review',
        description: `An approver will look at post #${result.post.id} (${result.reason}). You'll be told the outcome.`,
      };
    case 'scheduled':
      return {
        outcome: 'success',
        title: `Queued as post #${result.post.id}`,
        description: `It goes out ${discordWhen(result.post.scheduledFor!)}. \`/twitter queue list\` shows the queue.`,
      };
    case 'no-review-channel':
      return {
        outcome: 'error',
        title: 'This post needs review, but there is no review channel',
        description: `It needs an approver because ${result.reason}. An admin sets a channel the bot can post in with \`/twitter settings review-channel\`.`,
      };
    case 'published':
      return outcomeReply(result.outcome);
    case 'gone':
      return { outcome: 'warning', title: 'This draft is gone', description: 'It was already posted or cancelled.' };
  }
}

/** What the reviewer sees, and the verdict written on the review message. */
export function reviewReply(result: ReviewResult, reviewerId: string): { reply: ReplyContent; verdict: string | null } {
  switch (result.kind) {
    case 'own-post':
      return {
        reply: { outcome: 'error', title: 'That is your own post', description: 'Another approver has to review it.' },
        verdict: null,
      };
    case 'edited':
      return {
        reply: {
          outcome: 'warning',
          title: 'This post was edited since',
          description: 'Its author changed it after this request went out. Review the new request instead.',
        },
        verdict: null,
      };
    case 'refused':
      return {
        reply: {
          outcome: 'error',
          title: 'This post can’t be approved as it is',
          description: `${result.problem}\nReject it (with a note) so its author can rewrite it.`,
        },
        verdict: null,
      };
    case 'gone':
      return {
        reply: {
          outcome: 'warning',
          title: 'Already reviewed',
          description: 'Someone else decided on this post first.',
        },
        verdict: null,
      };
    case 'rejected':
      return {
        reply: { outcome: 'success', title: `Rejected post #${result.post.id}`, description: 'The author was told.' },
        verdict: `❌ Rejected by <@${reviewerId}>${result.post.reviewNote ? `: ${result.post.reviewNote}` : ''}`,
      };
    case 'scheduled':
      return {
        reply: submitReply({ kind: 'scheduled', post: result.post }),
        verdict: `✅ Approved by <@${reviewerId}>; goes out ${discordTime(result.post.scheduledFor!)}`,
      };
    case 'published': {
      const reply = outcomeReply(result.outcome);
      const verdict =
        result.outcome.kind === 'posted'
          ? `✅ Approved by <@${reviewerId}> and posted`
          : `✅ Approved by <@${reviewerId}>; ${reply.title.toLowerCase()}`;
      return { reply, verdict };
    }
  }
}

/** The author's news about their post after review. */
export function authorNews(result: ReviewResult, reviewerId: string): ReplyContent | null {
  if (result.kind === 'rejected') {
    return {
      outcome: 'warning',
      title: 'Your post was not approved',
      description: `<@${reviewerId}> rejected post #${result.post.id}.${result.post.reviewNote ? `\nTheir note: ${result.post.reviewNote}` : ''}\n> ${result.post.text.slice(0, 500)}`,
    };
  }
  if (result.kind === 'scheduled') {
    return {
      outcome: 'success',
      title: 'Your post was approved',
      description: `Post #${result.post.id} goes out ${discordTime(result.post.scheduledFor!)}.`,
    };
  }
  if (result.kind === 'published') {
    const reply = outcomeReply(result.outcome);
    return { ...reply, title: `Your post was approved. ${reply.title}` };
  }
  return null;
}

function reviewedPost(result: ReviewResult): TwitterPost | null {
  if (result.kind === 'published') return result.outcome.kind === 'skipped' ? null : result.outcome.post;
  return 'post' in result ? result.post : null;
}

/** After a decision: the verdict goes on the review message, and the author hears the outcome. */
export async function announceReview(result: ReviewResult, reviewerId: string): Promise<void> {
  const post = reviewedPost(result);
  const { verdict } = reviewReply(result, reviewerId);
  const news = authorNews(result, reviewerId);
  if (!post || !verdict) return;
  await closeReview(post, verdict);
  if (news) await tellAuthor(post, news);
}
