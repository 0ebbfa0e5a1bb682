import type { EntityManager } from '@mikro-orm/core';
import { type PostAccount, TwitterPost } from '../entities/TwitterPost';

export const DAY_MS = 86_400_000;

/**
 * When each post of the last 24 hours went out (or started to) on an account, oldest first. The
 * posts table is the ledger, so the daily cap and minimum interval hold across restarts and
 * processes. The bot-wide account is one account across every guild.
 */
export async function postsInLastDay(
  em: EntityManager,
  account: PostAccount,
  guildId: string,
  excludeId?: number,
): Promise<Date[]> {
  const rows = await em.find(
    TwitterPost,
    {
      ...(account === 'bot' ? { account } : { account, guildId }),
      ...(excludeId ? { id: { $ne: excludeId } } : {}),
      status: { $in: ['posted', 'posting'] },
      attemptStartedAt: { $gt: new Date(Date.now() - DAY_MS) },
    },
    { orderBy: { attemptStartedAt: 'asc' }, fields: ['attemptStartedAt'] },
  );
  return rows.map((row) => row.attemptStartedAt!);
}
