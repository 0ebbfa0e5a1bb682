import { ActionRowBuilder, type APIEmbed, ButtonBuilder, type ButtonStyle } from 'discord.js';
import { type ReplyContent, discordTime, outcomeEmbed } from 'mellow';
import type { TwitterPost } from '../entities/TwitterPost';
import type { PublishOutcome } from './publisher';
import { MAX_WEIGHTED_LENGTH } from './content/checks';
import { type XFailure, diagnoses } from './x/failure';

/** A time as Discord shows it to each reader: the date, then how far away it is. */
export const discordWhen = (date: Date) => `${discordTime(date)} (${discordTime(date, 'R')})`;

export const tweetUrl = (tweetId: string) => `https://x.com/i/web/status/${tweetId}`;

/** Discord's limit on a button row is 5; the custom ids are `twitter.<action>:<args>`. */
export function buttons(...specs: [action: string, args: string | number, label: string, style: ButtonStyle][]) {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    specs.map(([action, args, label, style]) =>
      new ButtonBuilder().setCustomId(`twitter.${action}:${args}`).setLabel(label).setStyle(style),
    ),
  );
}

export const accountLabel = (post: Pick<TwitterPost, 'account'>, username: string | null) =>
  post.account === 'bot' ? 'the bot-wide account' : username ? `@${username}` : "this server's account";

/** The post as it will appear, with its details. Embeds never ping, whatever the text says. */
export function postEmbed(
  post: TwitterPost,
  { title, weightedLength, account }: { title: string; weightedLength?: number; account: string },
): APIEmbed {
  const details = [
    `**Account:** ${account}`,
    weightedLength !== undefined ? `**Length:** ${weightedLength}/${MAX_WEIGHTED_LENGTH}` : null,
    post.scheduledFor ? `**When:** ${discordWhen(post.scheduledFor)}` : null,
    post.authorId ? `**Author:** <@${post.authorId}>` : null,
    post.imageType ? '**Image:** attached' : null,
    post.reviewReason ? `**Needs review:** ${post.reviewReason}` : null,
  ].filter(Boolean);
  return {
    ...outcomeEmbed('info', title, `${quote(post.text)}\n\n${details.join('\n')}`),
    footer: { text: `Post #${post.id}` },
  };
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** A failure in words: what happened, X's reason, and what to do. */
export function explainFailure(failure: XFailure): string {
  const diagnosis = diagnoses[failure.kind];
  return [
    `**${diagnosis.title}.**`,
    failure.detail ? `${diagnosis.detailLabel ?? 'X said'}: “${failure.detail}”` : null,
    diagnosis.fix,
    failure.retryAt ? `Posting can resume ${discordWhen(failure.retryAt)}.` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

/** What the user sees after an attempt to post. */
export function outcomeReply(outcome: PublishOutcome): ReplyContent {
  switch (outcome.kind) {
    case 'posted':
      return {
        outcome: 'success',
        title: 'Posted to X',
        description: [
          outcome.post.tweetId ? `[View the post](${tweetUrl(outcome.post.tweetId)})` : null,
          outcome.recovered
            ? 'X had already made it during an earlier attempt that timed out, so it was not sent twice.'
            : null,
        ]
          .filter(Boolean)
          .join('\n'),
      };
    case 'queued':
      return {
        outcome: 'warning',
        title: `Not posted yet: queued for ${discordTime(outcome.post.scheduledFor!, 'R')}`,
        description: `${explainFailure(outcome.failure)}\nPost #${outcome.post.id} goes out ${discordTime(outcome.post.scheduledFor!)} by itself; \`/twitter queue list\` shows it.`,
      };
    case 'failed':
      return { outcome: 'error', title: 'Not posted', description: explainFailure(outcome.failure) };
    case 'skipped':
      return {
        outcome: 'warning',
        title: 'This post was already handled',
        description: 'Someone else acted on it first.',
      };
  }
}

export const problemReply = (title: string, description?: string): ReplyContent => ({
  outcome: 'error',
  title,
  description,
});
