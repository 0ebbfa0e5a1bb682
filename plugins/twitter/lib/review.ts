import { container } from '@sapphire/framework';
import { type APIEmbed, ButtonStyle, PermissionFlagsBits } from 'discord.js';
import { discordTime, noMentions } from 'mellow';
import { TwitterPost } from '../entities/TwitterPost';
import type { TwitterSettings } from '../entities/TwitterSettings';
import { twitterContext } from './config';
import { buttons, postEmbed } from './views';

/** What the bot needs in the review channel. */
export const REVIEW_CHANNEL_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
];

/**
 * Posts the review request, with Approve and Reject, in the review channel; pings the approver
 * role only. Returns false when the channel can't be reached (the post stays in review).
 */
export async function requestReview(post: TwitterPost, settings: TwitterSettings, account: string): Promise<boolean> {
  if (!settings.reviewChannelId) return false;
  try {
    const channel = await container.client.channels.fetch(settings.reviewChannelId);
    if (!channel?.isSendable()) return false;
    const role = settings.approverRoleId;
    const message = await channel.send({
      content: role ? `<@&${role}> a post waits for review.` : 'A post waits for review.',
      embeds: [postEmbed(post, { title: 'Post waiting for review', account })],
      components: [
        buttons(
          ['approve', `${post.id}:${post.revision}`, 'Approve', ButtonStyle.Success],
          ['reject', `${post.id}:${post.revision}`, 'Reject', ButtonStyle.Danger],
        ),
      ],
      allowedMentions: role ? { parse: [], roles: [role] } : noMentions.allowedMentions,
    });
    await twitterContext()
      .em()
      .nativeUpdate(TwitterPost, { id: post.id }, { reviewChannelId: channel.id, reviewMessageId: message.id });
    return true;
  } catch (error) {
    twitterContext().logger.warn('Could not post a review request', { postId: post.id, guildId: post.guildId, error });
    return false;
  }
}

/** Replaces the review message's buttons with who decided and what happened. */
export async function closeReview(post: TwitterPost, verdict: string): Promise<void> {
  if (!post.reviewChannelId || !post.reviewMessageId) return;
  try {
    const channel = await container.client.channels.fetch(post.reviewChannelId);
    if (!channel?.isTextBased()) return;
    const message = await channel.messages.fetch(post.reviewMessageId);
    const [embed] = message.embeds;
    const closed: APIEmbed = {
      ...(embed?.toJSON() ?? {}),
      title: 'Reviewed post',
      fields: [{ name: 'Outcome', value: `${verdict} ${discordTime(new Date(), 'R')}`.slice(0, 1024) }],
    };
    await message.edit({ content: '', embeds: [closed], components: [], ...noMentions });
  } catch (error) {
    twitterContext().logger.warn('Could not update a review message', { postId: post.id, error });
  }
}
