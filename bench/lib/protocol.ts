/** Messages between the benchmark (parent) and a bot child process, over Node's IPC channel. */

/** Parent → child. */
export type Request = { id: number; type: 'stats' } | { id: number; type: 'snapshot' };

/** Memory of the child once it is ready and every guild is available. */
export interface StatsReply {
  id: number;
  type: 'stats';
  rss: number;
  heapUsed: number;
  guilds: number;
}

/** Queries sent to PostgreSQL so far (zeros in a child without a database). */
export interface QueryCounts {
  total: number;
  /** The SystemLog service's batched `insert into "system_log"`. */
  systemLog: number;
  /** Every other query, by its text (first 120 characters). */
  other: Record<string, number>;
}

/** Counters that only grow: compare two snapshots taken around a measured phase. */
export interface SnapshotReply {
  id: number;
  type: 'snapshot';
  queries: QueryCounts;
  /** process.cpuUsage() of the bot, user + system, in microseconds. */
  cpuMicros: number;
}

export type Reply = StatsReply | SnapshotReply;

export const emptyCounts = (): QueryCounts => ({ total: 0, systemLog: 0, other: {} });

/** What happened between two snapshots. */
export function diffCounts(before: QueryCounts, after: QueryCounts): QueryCounts {
  const other: Record<string, number> = {};
  for (const [text, count] of Object.entries(after.other)) {
    const delta = count - (before.other[text] ?? 0);
    if (delta > 0) other[text] = delta;
  }
  return { total: after.total - before.total, systemLog: after.systemLog - before.systemLog, other };
}
