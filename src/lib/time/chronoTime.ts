import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { resolveWallClock, type WallTime } from './wallClock';

// Words that may surround a time without changing it ("remind me at 9", "on friday, please").
const FILLER = /^[\s,.;:!]*(?:(?:remind|me|at|on|in|the|from|now|please|starting)[\s,.;:!]*)*$/i;

function leftoverIsFiller(text: string, result: chrono.ParsedResult): boolean {
  const leftover = text.slice(0, result.index) + ' ' + text.slice(result.index + result.text.length);
  return FILLER.test(leftover);
}

function parseWhole(text: string, zone: string, now: Date): chrono.ParsedResult | null {
  // Chrono works in a fixed offset; relative results ("in 2 hours") are exact in it, and wall-clock results
  // are re-resolved in the real zone below so the target date's own offset applies (DST).
  const timezone = DateTime.fromJSDate(now, { zone }).offset;
  const [first] = chrono.parse(text, { instant: now, timezone }, { forwardDate: true });
  return first && leftoverIsFiller(text, first) ? first : null;
}

const DEFAULT_TIME: WallTime = { hour: 9, minute: 0 };

/**
 * One moment from free text in `zone`, or null when chrono can't read all of it. A date without a time
 * ("friday", "dec 25") means 09:00 there.
 */
export function parseMoment(text: string, zone: string, now: Date): Date | null {
  const result = parseWhole(text, zone, now);
  if (!result) return null;
  const tags = result.tags();
  if (tags.has('result/relativeDateAndTime')) return result.date();
  const start = result.start;
  const keepsTime = start.isCertain('hour') || tags.has('result/relativeDate');
  const time = keepsTime ? { hour: start.get('hour') ?? 0, minute: start.get('minute') ?? 0 } : DEFAULT_TIME;
  const date = { year: start.get('year') ?? 0, month: start.get('month') ?? 1, day: start.get('day') ?? 1 };
  return resolveWallClock(date, time, zone).toJSDate();
}

/** A bare time of day ("at 21:00", "9am", "noon"), or null when the text is not only a time. */
export function parseTimeOfDay(text: string, zone: string, now: Date): WallTime | null {
  const result = parseWhole(text, zone, now);
  if (!result) return null;
  const start = result.start;
  if (!start.isCertain('hour') || start.isCertain('day') || start.isCertain('weekday')) return null;
  return { hour: start.get('hour') ?? 0, minute: start.get('minute') ?? 0 };
}

export { DEFAULT_TIME };
