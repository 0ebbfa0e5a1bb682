import type { RequestLogEntry } from '../../src/testkit/emulator';
import { type Summary, summarize } from '../lib/stats';

export interface DeliveryReport {
  expected: number;
  delivered: number;
  duplicates: number;
  /** Delivery time minus due time, unclamped: negative values are early deliveries. */
  lateness: Summary;
  /** Deliveries that reached Discord before their due time, and the earliest one's lead. */
  early: { count: number; maxMs: number };
  /** DM channels the bot opened (`POST /users/@me/channels`): the cold cache's first-DM cost. */
  dmOpens: number;
  /** Every REST request the bot made from the first due time on, per delivered reminder. */
  requestsPerReminder: number;
  /** Requests Discord (the emulator) refused with 429. */
  rateLimited: number;
  /** Deliveries per second, from the first due time to the last delivery. */
  throughput: number;
}

const FOOTER = /^Reminder #(\d+)$/;

function reminderIdOf(request: RequestLogEntry): number | null {
  if (request.method !== 'POST' || request.status >= 300 || !/^\/channels\/\d+\/messages$/.test(request.path))
    return null;
  const footer = (request.body as { embeds?: { footer?: { text?: string } }[] } | null)?.embeds?.[0]?.footer?.text;
  const match = footer ? FOOTER.exec(footer) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Counts delivered reminders while the run goes on, reading only the requests logged since the last call:
 * the emulator shares this process, so rescanning the whole log would slow Discord down and skew lateness.
 */
export class DeliveryCounter {
  private read = 0;
  private readonly seen = new Set<number>();

  public constructor(private readonly dueById: Map<number, number>) {}

  public delivered(requests: readonly RequestLogEntry[]): number {
    for (; this.read < requests.length; this.read++) {
      const id = reminderIdOf(requests[this.read]!);
      if (id !== null && this.dueById.has(id)) this.seen.add(id);
    }
    return this.seen.size;
  }
}

/** Reads what happened from the emulator's request log: Discord's view, not the bot's. */
export function measureDeliveries(
  requests: readonly RequestLogEntry[],
  dueById: Map<number, number>,
  since: number,
): DeliveryReport {
  const deliveries = new Map<number, number[]>();
  let bot = 0;
  let rateLimited = 0;
  let dmOpens = 0;
  for (const request of requests) {
    if (request.at < since) continue;
    bot++;
    if (request.status === 429) rateLimited++;
    if (request.method === 'POST' && request.path === '/users/@me/channels' && request.status < 300) dmOpens++;
    const id = reminderIdOf(request);
    if (id === null || !dueById.has(id)) continue;
    deliveries.set(id, [...(deliveries.get(id) ?? []), request.at]);
  }
  const lateness = [...deliveries].map(([id, times]) => times[0]! - dueById.get(id)!);
  const early = lateness.filter((ms) => ms < 0);
  const firstDue = Math.min(...dueById.values());
  const lastDelivery = Math.max(...[...deliveries.values()].map((times) => times[0]!));
  return {
    expected: dueById.size,
    delivered: deliveries.size,
    duplicates: [...deliveries.values()].reduce((sum, times) => sum + times.length - 1, 0),
    lateness: summarize(lateness),
    early: { count: early.length, maxMs: early.length ? -Math.min(...early) : 0 },
    dmOpens,
    requestsPerReminder: deliveries.size ? bot / deliveries.size : Number.NaN,
    rateLimited,
    throughput: deliveries.size / Math.max(0.001, (lastDelivery - firstDue) / 1000),
  };
}
