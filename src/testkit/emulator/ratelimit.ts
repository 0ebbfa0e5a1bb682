import { createHash } from 'node:crypto';

export interface RateLimitDecision {
  headers: Record<string, string>;
  /** Set when the request must be refused with 429. */
  /** Set when the request must be refused with 429 (the bucket is empty). */
  limited?: { retryAfter: number };
}

interface Window {
  start: number;
  count: number;
}

/**
 * Rate-limit headers on every response, plus optional enforcement: Discord's global limit
 * (requests per second for the whole bot) and a per-route bucket limit.
 */
export class RateLimiter {
  private globalPerSecond: number | null = null;
  private globalWindow: Window = { start: 0, count: 0 };
  private readonly buckets = new Map<string, Window>();
  /** Per-route bucket: this many requests per window. High by default so clients never wait. */
  public routeLimit = 1000;
  public routeWindowMs = 1000;
  /** Refuse requests beyond routeLimit with 429 (otherwise only the headers count down). */
  public enforceRouteLimit = false;

  public setGlobalLimit(perSecond: number | null): void {
    this.globalPerSecond = perSecond;
    this.globalWindow = { start: 0, count: 0 };
  }

  public reset(): void {
    this.setGlobalLimit(null);
    this.buckets.clear();
    this.enforceRouteLimit = false;
    this.routeLimit = 1000;
    this.routeWindowMs = 1000;
  }

  /** Counts a request against the global limit; returns the 429 headers when it is over. */
  public checkGlobal(): Record<string, string> | null {
    if (this.globalPerSecond === null) return null;
    const now = Date.now();
    if (now - this.globalWindow.start >= 1000) this.globalWindow = { start: now, count: 0 };
    this.globalWindow.count += 1;
    if (this.globalWindow.count <= this.globalPerSecond) return null;
    const retryAfter = Math.max(0.001, (this.globalWindow.start + 1000 - now) / 1000);
    return { 'retry-after': retryAfter.toFixed(3), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' };
  }

  /** Counts a request in its bucket (`route` is the method plus the path with the major id kept). */
  public check(route: string): RateLimitDecision {
    const now = Date.now();
    let window = this.buckets.get(route);
    if (!window || now - window.start >= this.routeWindowMs) {
      window = { start: now, count: 0 };
      this.buckets.set(route, window);
    }
    window.count += 1;
    const resetAfter = Math.max(0.001, (window.start + this.routeWindowMs - now) / 1000);
    const over = window.count > this.routeLimit;
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(this.routeLimit),
      'x-ratelimit-remaining': String(Math.max(this.enforceRouteLimit ? 0 : 1, this.routeLimit - window.count)),
      'x-ratelimit-reset': ((window.start + this.routeWindowMs) / 1000).toFixed(3),
      'x-ratelimit-reset-after': resetAfter.toFixed(3),
      'x-ratelimit-bucket': createHash('sha1').update(route).digest('hex').slice(0, 32),
    };
    if (over && this.enforceRouteLimit) {
      headers['retry-after'] = resetAfter.toFixed(3);
      headers['x-ratelimit-scope'] = 'user';
      return { headers, limited: { retryAfter: resetAfter } };
    }
    return { headers };
  }
}
