import type { EntityManager } from '@mikro-orm/core';
import { discordTime, type ReplyContent } from 'mellow';
import { SupportTicket } from '../../entities/SupportTicket';
import type { GuilddebugConfig } from '../config';

const DAY_MS = 86_400_000;

/**
 * The support request limits, counted from the tickets table so they hold across restarts and
 * processes: one request per user per cooldown (across servers), and a daily cap per server.
 * Null when a request is allowed now.
 */
export async function limitRefusal(
  em: EntityManager,
  config: GuilddebugConfig,
  guildId: string,
  requesterId: string,
  now = new Date(),
): Promise<ReplyContent | null> {
  const cooldownMs = config.userCooldownMinutes * 60_000;
  if (cooldownMs > 0) {
    const last = await em.findOne(
      SupportTicket,
      { requesterId, createdAt: { $gt: new Date(now.getTime() - cooldownMs) } },
      { orderBy: { createdAt: 'desc' } },
    );
    if (last) {
      const retry = new Date(last.createdAt.getTime() + cooldownMs);
      return {
        outcome: 'warning',
        title: 'You asked for support recently',
        description: `Your last request was ticket #${last.id}. You can ask again ${discordTime(retry, 'R')} (${discordTime(retry, 'f')}). Meanwhile, add to it with \`/guilddebug reply ticket:${last.id}\`.`,
      };
    }
  }
  if (config.guildDailyLimit > 0) {
    const today = await em.find(
      SupportTicket,
      { guildId, createdAt: { $gt: new Date(now.getTime() - DAY_MS) } },
      { orderBy: { createdAt: 'asc' }, fields: ['id', 'createdAt'] },
    );
    if (today.length >= config.guildDailyLimit) {
      const retry = new Date(today[today.length - config.guildDailyLimit].createdAt.getTime() + DAY_MS);
      return {
        outcome: 'warning',
        title: 'This server asked for support often today',
        description: `This server has sent ${today.length} requests in the last 24 hours (the limit is ${config.guildDailyLimit}). The next one is possible ${discordTime(retry, 'R')} (${discordTime(retry, 'f')}). See them with \`/guilddebug tickets\`.`,
      };
    }
  }
  return null;
}
