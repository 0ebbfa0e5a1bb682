import type { TwitterPost } from '../entities/TwitterPost';
import type { XAccount } from './accounts';
import { callX } from './x/failure';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * X rewrites what it stores: links become t.co links, a media link is appended, and `&<>` come
 * back HTML-escaped. Compare texts without links, entities or spacing differences.
 */
export function comparable(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

/** The id of the account's recent post with this text, made after the post was created here. */
export async function findOnTimeline(account: XAccount, post: TwitterPost): Promise<string | null> {
  const userId = await account.userId();
  const timeline = await callX(() =>
    account.client.v2.userTimeline(userId, {
      max_results: 20,
      exclude: ['replies', 'retweets'],
      'tweet.fields': ['created_at'],
    }),
  );
  const wanted = comparable(post.text);
  const since = post.createdAt.getTime() - 60_000;
  const match = timeline.tweets.find(
    (tweet) =>
      comparable(tweet.text) === wanted && (!tweet.created_at || new Date(tweet.created_at).getTime() >= since),
  );
  return match?.id ?? null;
}
