import type { EntityManager } from '@mikro-orm/core';
import { TwitterAccount } from '../entities/TwitterAccount';
import { TwitterConnectRequest } from '../entities/TwitterConnectRequest';
import { TwitterPost } from '../entities/TwitterPost';
import { TwitterRecurring } from '../entities/TwitterRecurring';

const UNPUBLISHED = ['draft', 'review', 'scheduled', 'failed', 'rejected', 'cancelled'] as const;

export async function exportUserData(em: EntityManager, userId: string) {
  const authored = await em.find(TwitterPost, { authorId: userId }, { orderBy: { id: 'asc' } });
  const reviewed = await em.find(TwitterPost, { reviewerId: userId }, { orderBy: { id: 'asc' } });
  const accounts = await em.find(TwitterAccount, { connectedBy: userId });
  const recurring = await em.find(TwitterRecurring, { createdBy: userId });
  const requests = await em.find(TwitterConnectRequest, { userId });
  return {
    posts: authored.map((post) => ({
      id: post.id,
      guildId: post.guildId,
      text: post.text,
      status: post.status,
      createdAt: post.createdAt,
      scheduledFor: post.scheduledFor,
      postedAt: post.postedAt,
      tweetId: post.tweetId,
      hadImage: post.imageType !== null,
    })),
    reviews: reviewed.map((post) => ({
      postId: post.id,
      guildId: post.guildId,
      decision: post.status === 'rejected' ? 'rejected' : 'approved',
      note: post.reviewNote,
    })),
    connectedAccounts: accounts.map(({ guildId, username, connectedAt }) => ({ guildId, username, connectedAt })),
    recurringContent: recurring.map(({ guildId, kind, description }) => ({ guildId, kind, description })),
    connectionsInProgress: requests.map(({ guildId, expiresAt }) => ({ guildId, expiresAt })),
  };
}

/**
 * Deletes the user's posts that never reached X. Posts already on X are public and are the
 * guild's history (and what its daily cap counts), so they stay, without the author. Reviews,
 * connections and schedules the user made lose their name.
 */
export async function deleteUserData(em: EntityManager, userId: string): Promise<number> {
  let count = await em.nativeDelete(TwitterPost, { authorId: userId, status: { $in: [...UNPUBLISHED] } });
  count += await em.nativeUpdate(TwitterPost, { authorId: userId }, { authorId: null, channelId: null });
  count += await em.nativeUpdate(TwitterPost, { reviewerId: userId }, { reviewerId: null, reviewNote: null });
  count += await em.nativeUpdate(TwitterAccount, { connectedBy: userId }, { connectedBy: null });
  count += await em.nativeUpdate(TwitterRecurring, { createdBy: userId }, { createdBy: null });
  count += await em.nativeDelete(TwitterConnectRequest, { userId });
  return count;
}
