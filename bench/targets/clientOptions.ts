import type { ClientOverrides } from '../../src/client';

/**
 * Client options both benchmarked bots get, identically: the emulator answers on localhost, so the
 * client-side REST limit (50 requests/s by default) must not be what we measure.
 */
export const BENCH_CLIENT_OPTIONS = {
  rest: { globalRequestsPerSecond: 100_000 },
  waitGuildTimeout: 50,
} satisfies ClientOverrides;
