import type { WorldSize } from './world';

export interface BenchSettings {
  /** Measured interactions per bot and in-flight level, spread over the rounds. */
  count: number;
  /** Unmeasured interactions per in-flight level each time a bot starts. */
  warmup: number;
  /** The in-flight levels, e.g. [1, 50]. */
  modes: number[];
  /** Each round starts each bot once (alternating which goes first), so noise hits both alike. */
  rounds: number;
  world: WorldSize;
}

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
  return value;
}

/**
 * BENCH_COUNT (5000), BENCH_WARMUP (500), BENCH_IN_FLIGHT (50), BENCH_ROUNDS (5), BENCH_GUILDS
 * (1000), BENCH_CHANNELS (20), BENCH_MEMBERS (50, the owner and the bot included).
 */
export function settingsFromEnv(): BenchSettings {
  const count = intFromEnv('BENCH_COUNT', 5000, 1);
  return {
    count,
    warmup: intFromEnv('BENCH_WARMUP', 500, 0),
    modes: [1, intFromEnv('BENCH_IN_FLIGHT', 50, 2)],
    rounds: Math.min(count, intFromEnv('BENCH_ROUNDS', 5, 1)),
    world: {
      guilds: intFromEnv('BENCH_GUILDS', 1000, 1),
      channelsPerGuild: intFromEnv('BENCH_CHANNELS', 20, 1),
      membersPerGuild: intFromEnv('BENCH_MEMBERS', 50, 3),
    },
  };
}
