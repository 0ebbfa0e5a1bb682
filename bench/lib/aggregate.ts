import { type QueryCounts, emptyCounts } from './protocol';
import type { Sample } from './session';
import { type Summary, summarize } from './stats';

/** Discord's deadline for the first interaction response. */
const DEADLINE_MS = 3000;

export interface ModeResult {
  inFlight: number;
  latency: Summary;
  /** Replies per second: all replies over the summed wall time of the phases. */
  throughput: number;
  /** Replies later than Discord's 3 s deadline (the emulator's deadline is off while measuring). */
  overDeadline: number;
  queries: QueryCounts;
  /** CPU ms (user + system) per reply: of the bot process, and of the emulator (the benchmark process). */
  botCpuMs: number;
  emulatorCpuMs: number;
}

export interface TargetResult {
  name: string;
  /** Per round, in bytes, after READY and every GUILD_CREATE. */
  rss: number[];
  heapUsed: number[];
  modes: ModeResult[];
}

function addCounts(into: QueryCounts, more: QueryCounts): void {
  into.total += more.total;
  into.systemLog += more.systemLog;
  for (const [text, n] of Object.entries(more.other)) into.other[text] = (into.other[text] ?? 0) + n;
}

/** Pools every round's samples of one in-flight level. */
export function poolSamples(inFlight: number, samples: Sample[]): ModeResult {
  const mine = samples.filter((s) => s.inFlight === inFlight);
  const latencies = mine.flatMap((s) => s.latencies);
  const wallMs = mine.reduce((sum, s) => sum + s.wallMs, 0);
  const queries = emptyCounts();
  for (const s of mine) addCounts(queries, s.queries);
  const perReply = (micros: number) => micros / 1000 / latencies.length;
  return {
    inFlight,
    latency: summarize(latencies),
    throughput: latencies.length / (wallMs / 1000),
    overDeadline: latencies.filter((ms) => ms > DEADLINE_MS).length,
    queries,
    botCpuMs: perReply(mine.reduce((sum, s) => sum + s.botCpuMicros, 0)),
    emulatorCpuMs: perReply(mine.reduce((sum, s) => sum + s.emulatorCpuMicros, 0)),
  };
}

/** Splits `total` into `parts` nearly equal whole shares. */
export const shares = (total: number, parts: number) =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
