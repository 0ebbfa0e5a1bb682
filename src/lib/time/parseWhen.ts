import { DateTime } from 'luxon';
import { parseMoment } from './chronoTime';
import { whenError, type WhenError } from './messages';
import { looksRecurring, parseRecurring } from './parseRecurring';
import { nextOccurrence, type RecurrenceRule } from './recurrence';
import { isValidZone } from './zones';

export interface ParseWhenOptions {
  /** IANA zone the user thinks in ("Europe/Berlin"). */
  zone: string;
  /** Reference instant; defaults to the current time. */
  now?: Date;
  /** Shortest allowed gap between repeats (default 5). */
  minIntervalMinutes?: number;
  /** How far ahead a time may be (default 5 years). */
  maxAheadYears?: number;
  /** Whether "every …" is accepted (default true). */
  allowRecurring?: boolean;
}

export type When = { kind: 'once'; at: Date } | { kind: 'recurring'; rule: RecurrenceRule; first: Date };

export type WhenResult = { ok: true; when: When } | WhenError;

const MAX_LENGTH = 200;

/**
 * Reads a time the way a user types it, in their zone: "in 10 minutes", "in 2h", "tomorrow at 9am",
 * "friday 18:30", "2026-12-01 08:00"; or a repeating one: "every day at 21:00", "every monday 10:00",
 * "every weekday at 8", "every 2 hours", "every month on the 1st". Never throws.
 */
export function parseWhen(text: string, options: ParseWhenOptions): WhenResult {
  const now = options.now ?? new Date();
  const minIntervalMinutes = options.minIntervalMinutes ?? 5;
  const maxAheadYears = options.maxAheadYears ?? 5;
  if (!isValidZone(options.zone)) return whenError('bad-zone');
  const trimmed = (text ?? '').trim();
  if (!trimmed) return whenError('empty');
  if (trimmed.length > MAX_LENGTH) return whenError('too-long');

  const latest = DateTime.fromJSDate(now).plus({ years: maxAheadYears }).toMillis();
  const checkRange = (at: Date): WhenError | null => {
    if (at.getTime() <= now.getTime()) return whenError('past');
    if (at.getTime() > latest) return whenError('too-far', { maxAheadYears });
    return null;
  };

  if (looksRecurring(trimmed)) {
    if (options.allowRecurring === false) return whenError('recurring-not-allowed');
    const rule = parseRecurring(trimmed, { zone: options.zone, now, minIntervalMinutes });
    if ('ok' in rule) return rule;
    const first = nextOccurrence(rule, now);
    return checkRange(first) ?? { ok: true, when: { kind: 'recurring', rule, first } };
  }

  // "in -5 minutes" parses as five minutes ago, so it gets the friendly "past" error rather than "unparsed".
  const at = parseMoment(trimmed, options.zone, now);
  if (!at) return whenError('unparsed');
  return checkRange(at) ?? { ok: true, when: { kind: 'once', at } };
}
