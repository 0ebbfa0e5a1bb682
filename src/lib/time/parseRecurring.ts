import { DateTime } from 'luxon';
import { DEFAULT_TIME, parseTimeOfDay } from './chronoTime';
import { whenError, type WhenError } from './messages';
import type { RecurrenceRule, Weekday } from './recurrence';
import { resolveWallClock, toLocalDate, type WallTime } from './wallClock';

const UNIT_MINUTES: Record<string, number> = { second: 1 / 60, minute: 1, hour: 60 };
const UNIT_ALIASES: Record<string, string> = {
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  seconds: 'second',
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
};
const WEEKDAYS: Record<string, Weekday[]> = {
  mon: [1],
  tue: [2],
  tues: [2],
  wed: [3],
  weds: [3],
  thu: [4],
  thur: [4],
  thurs: [4],
  fri: [5],
  sat: [6],
  sun: [7],
  monday: [1],
  tuesday: [2],
  wednesday: [3],
  thursday: [4],
  friday: [5],
  saturday: [6],
  sunday: [7],
  weekday: [1, 2, 3, 4, 5],
  workday: [1, 2, 3, 4, 5],
  weekend: [6, 7],
};
const SYNONYMS: [RegExp, string][] = [
  [/^each\b/, 'every'],
  [/^daily\b/, 'every day'],
  [/^hourly\b/, 'every hour'],
  [/^weekly\b/, 'every week'],
  [/^monthly\b/, 'every month'],
  [/^every other\b/, 'every 2'],
];

export interface RecurringOptions {
  zone: string;
  now: Date;
  minIntervalMinutes: number;
}

/** Whether the text asks for a repeating time ("every …", "daily …"). */
export function looksRecurring(text: string): boolean {
  return /^(every|each|daily|hourly|weekly|monthly)\b/i.test(text.trim());
}

/** A rule from "every …" text, or an error. The first occurrence is computed by the caller. */
export function parseRecurring(input: string, options: RecurringOptions): RecurrenceRule | WhenError {
  let text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [pattern, replacement] of SYNONYMS) text = text.replace(pattern, replacement);
  const rest = text.replace(/^every\s*/, '');

  const unit = /^(?:(-?\d+(?:\.\d+)?|an?|one)\s*)?([a-z]+)\b\s*(.*)$/.exec(rest);
  const unitName = unit && UNIT_ALIASES[unit[2]];
  if (unit && unitName) {
    const count = unit[1] === undefined || /^(an?|one)$/.test(unit[1]) ? 1 : Number(unit[1]);
    return fromUnit(count, unitName, unit[3], options);
  }
  const days = takeWeekdays(rest);
  if (days.weekdays.length) return weekly(1, days.weekdays, days.rest, options);
  const monthDay = takeMonthDay(rest);
  if (monthDay) return monthly(1, monthDay.day, monthDay.rest, options);
  return whenError('unparsed');
}

function fromUnit(count: number, unit: string, tail: string, options: RecurringOptions): RecurrenceRule | WhenError {
  const { minIntervalMinutes } = options;
  if (!Number.isFinite(count) || count <= 0) return whenError('interval-too-short', { minIntervalMinutes });
  if (unit in UNIT_MINUTES) {
    if (tail.trim()) return whenError('unparsed');
    const minutes = count * UNIT_MINUTES[unit];
    if (minutes < minIntervalMinutes) return whenError('interval-too-short', { minIntervalMinutes });
    if (!Number.isInteger(minutes)) return whenError('unparsed');
    const anchor = new Date(options.now.getTime() + minutes * 60_000).toISOString();
    return { kind: 'interval', zone: options.zone, minutes, anchor };
  }
  if (!Number.isInteger(count)) return whenError('unparsed');
  if (unit === 'day') return daily(count, tail, options);
  if (unit === 'week') {
    const days = takeWeekdays(tail);
    const today = DateTime.fromJSDate(options.now, { zone: options.zone }).weekday as Weekday;
    return weekly(count, days.weekdays.length ? days.weekdays : [today], days.rest, options);
  }
  const monthDay = takeMonthDay(tail);
  const today = DateTime.fromJSDate(options.now, { zone: options.zone }).day;
  return monthly(count, monthDay?.day ?? today, monthDay?.rest ?? tail, options);
}

function daily(every: number, tail: string, options: RecurringOptions): RecurrenceRule | WhenError {
  const time = timeOf(tail, options);
  if (!time) return whenError('unparsed');
  const today = DateTime.fromJSDate(options.now, { zone: options.zone });
  // Count the days from the first one that can still fire, so "every 2 days at 9" typed at 10:00 starts tomorrow.
  const anchorDate = (firesOn(today, time, options) ? today : today.plus({ days: 1 })).toISODate() ?? '';
  return { kind: 'daily', zone: options.zone, every, time, anchorDate };
}

function weekly(
  every: number,
  weekdays: Weekday[],
  tail: string,
  options: RecurringOptions,
): RecurrenceRule | WhenError {
  const time = timeOf(tail, options);
  if (!time) return whenError('unparsed');
  // Count the weeks from the first day that can still fire, so "every 2 weeks on monday" starts next Monday.
  const today = DateTime.fromJSDate(options.now, { zone: options.zone });
  let first = today;
  while (!weekdays.includes(first.weekday as Weekday) || !firesOn(first, time, options))
    first = first.plus({ days: 1 });
  const anchorDate = first.toISODate() ?? '';
  return { kind: 'weekly', zone: options.zone, every, weekdays: [...new Set(weekdays)].sort(), time, anchorDate };
}

function monthly(every: number, day: number, tail: string, options: RecurringOptions): RecurrenceRule | WhenError {
  if (day < 1 || day > 31) return whenError('unparsed');
  const time = timeOf(tail, options);
  if (!time) return whenError('unparsed');
  const anchorDate = DateTime.fromJSDate(options.now, { zone: options.zone }).toISODate() ?? '';
  return { kind: 'monthly', zone: options.zone, every, day, time, anchorDate };
}

function firesOn(day: DateTime, time: WallTime, options: RecurringOptions): boolean {
  return resolveWallClock(toLocalDate(day), time, options.zone).toMillis() > options.now.getTime();
}

function timeOf(tail: string, options: RecurringOptions): WallTime | null {
  const cleaned = tail.replace(/^[\s,]*(?:at\s+|@\s*)?/, '').trim();
  // Chrono reads a bare "8" only as "at 8".
  return cleaned ? parseTimeOfDay(`at ${cleaned}`, options.zone, options.now) : DEFAULT_TIME;
}

/** Leading weekday names: "monday and thursday at 10" → [1, 4], "at 10". */
function takeWeekdays(text: string): { weekdays: Weekday[]; rest: string } {
  const weekdays: Weekday[] = [];
  let rest = text.replace(/^on\s+/, '');
  for (;;) {
    const match = /^([a-z]+?)s?\b\s*(?:,|and|&|\/)?\s*/.exec(rest);
    const days = match && WEEKDAYS[match[1]];
    if (!match || !days) break;
    weekdays.push(...days);
    rest = rest.slice(match[0].length);
  }
  return weekdays.length ? { weekdays, rest } : { weekdays, rest: text };
}

/** A leading day of the month: "on the 15th at 9" → 15, "at 9". */
function takeMonthDay(text: string): { day: number; rest: string } | null {
  const match =
    /^(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b\s*/.exec(text) ?? /^on\s+(?:the\s+)?(\d{1,2})\b\s*/.exec(text);
  return match ? { day: Number(match[1]), rest: text.slice(match[0].length) } : null;
}
