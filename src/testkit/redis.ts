import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A Redis key prefix no other run uses. Mellow's queue keys live under `bull:<prefix>-tasks:`. */
export const newRedisPrefix = () => `mellow-test-${process.pid}-${randomBytes(3).toString('hex')}`;

/** Deletes every key a test run left under its prefix. */
export async function clearRedisPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let removed = 0;
  try {
    for (const pattern of [`bull:${prefix}-*`, `${prefix}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) removed += await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  return removed;
}
