import { Client } from 'pg';
import { type QueryCounts, emptyCounts } from '../lib/protocol';

const SYSTEM_LOG_INSERT = /^\s*insert\s+into\s+"?system_log"?/i;

/**
 * Counts every query any `pg` client sends (MikroORM's pool and the LISTEN connection alike), by
 * patching `Client.prototype.query`. Call before the bot connects to the database.
 */
export function countPgQueries(): () => QueryCounts {
  const counts = emptyCounts();
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first] = args;
    const text = typeof first === 'string' ? first : String((first as { text?: unknown } | null)?.text ?? '');
    counts.total += 1;
    if (SYSTEM_LOG_INSERT.test(text)) counts.systemLog += 1;
    else {
      const key = text.replace(/\s+/g, ' ').trim().slice(0, 120);
      counts.other[key] = (counts.other[key] ?? 0) + 1;
    }
    return original.apply(this, args);
  };
  return () => ({ ...counts, other: { ...counts.other } });
}
