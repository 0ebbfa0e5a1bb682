import type { TwitterRateLimit } from 'twitter-api-v2';

export interface LimitWindow {
  limit: number;
  remaining: number;
  resetAt: Date;
}

/** What X's `x-rate-limit-*`, `x-app-limit-24hour-*` and `x-user-limit-24hour-*` headers said. */
export interface RateLimitSummary {
  endpoint: LimitWindow;
  appDay: LimitWindow | null;
  userDay: LimitWindow | null;
}

const window = ({ limit, remaining, reset }: { limit: number; remaining: number; reset: number }): LimitWindow => ({
  limit,
  remaining,
  resetAt: new Date(reset * 1000),
});

export function summarizeRateLimit(rateLimit: TwitterRateLimit): RateLimitSummary {
  return {
    endpoint: window(rateLimit),
    appDay: rateLimit.day ? window(rateLimit.day) : null,
    userDay: rateLimit.userDay ? window(rateLimit.userDay) : null,
  };
}

/**
 * When a 429 lifts: the reset of whichever window is used up, the longest first (a spent 24-hour
 * limit outlasts the 15-minute one).
 */
export function exhaustedReset(rateLimit: TwitterRateLimit): Date | null {
  const windows = [rateLimit.userDay, rateLimit.day, rateLimit].filter(
    (w): w is NonNullable<typeof w> => w !== undefined && Number.isFinite(w.reset) && w.reset > 0,
  );
  const spent = windows.filter((w) => w.remaining === 0);
  const chosen = (spent.length ? spent : windows).map((w) => w.reset * 1000);
  return chosen.length ? new Date(Math.max(...chosen)) : null;
}
