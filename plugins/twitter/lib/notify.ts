import { container } from '@sapphire/framework';
import { type ReplyContent, noMentions, outcomeEmbed } from 'mellow';
import type { TwitterPost } from '../entities/TwitterPost';
import { twitterContext } from './config';

/**
 * Tells a post's author what became of it: by DM, or when their DMs are closed, in the channel
 * where they wrote it, pinging only them. Never throws: the post's fate is already decided.
 */
export async function tellAuthor(post: TwitterPost, { outcome, title, description }: ReplyContent): Promise<void> {
  if (!post.authorId) return;
  const embeds = [{ ...outcomeEmbed(outcome, title, description), footer: { text: `Post #${post.id}` } }];
  try {
    const user = await container.client.users.fetch(post.authorId);
    await user.send({ embeds, ...noMentions });
    return;
  } catch (error) {
    twitterContext().logger.debug('Could not DM a post author; trying the channel', { postId: post.id, error });
  }
  try {
    if (!post.channelId) return;
    const channel = await container.client.channels.fetch(post.channelId);
    if (!channel?.isSendable()) return;
    await channel.send({
      content: `<@${post.authorId}>`,
      embeds,
      allowedMentions: { parse: [], users: [post.authorId] },
    });
  } catch (error) {
    twitterContext().logger.warn('Could not tell a post author the outcome', { postId: post.id, error });
  }
}
