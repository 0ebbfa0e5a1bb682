import { DateTime } from 'luxon';
import { formatWallTime, resolveWallClock, toLocalDate, type WallTime } from './wallClock';

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A repeating schedule, plain JSON so it can be stored as is (jsonb). Every rule carries its zone.
 *
 * - `interval`: a fixed elapsed time ("every 2 hours"), counted from `anchor` (an ISO instant that is one
 *   of the occurrences). Clock changes don't affect it: every 2 hours is always 120 real minutes.
 * - `daily`, `weekly`, `monthly`: a wall-clock time in `zone` that stays put across DST (09:00 stays 09:00).
 *   `every` counts days, weeks or months from `anchorDate` (a local `yyyy-MM-dd`). Monthly on day 29–31
 *   falls on the last day of shorter months.
 */
export type RecurrenceRule =
  | { kind: 'interval'; zone: string; minutes: number; anchor: string }
  | { kind: 'daily'; zone: string; every: number; time: WallTime; anchorDate: string }
  | { kind: 'weekly'; zone: string; every: number; weekdays: Weekday[]; time: WallTime; anchorDate: string }
  | { kind: 'monthly'; zone: string; every: number; day: number; time: WallTime; anchorDate: string };

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The first occurrence of `rule` strictly after `after`. Never returns a time at or before `after`, so
 * calling it with the occurrence that just fired gives the next one, and calling it with "now" after a
 * downtime skips every missed tick (the caller delivers one catch-up).
 */
export function nextOccurrence(rule: RecurrenceRule, after: Date): Date {
  if (rule.kind === 'interval') return nextInterval(rule.minutes, new Date(rule.anchor), after);
  const start = DateTime.fromJSDate(after, { zone: rule.zone }).startOf('day').minus({ days: 1 });
  const anchor = DateTime.fromISO(rule.anchorDate, { zone: rule.zone }).startOf('day');
  const horizon = rule.kind === 'monthly' ? 31 * (rule.every + 1) * 2 : 7 * (rule.every + 1) * 2;
  for (let offset = 0; offset <= horizon; offset++) {
    const day = start.plus({ days: offset });
    if (!matchesDay(rule, day, anchor)) continue;
    const at = resolveWallClock(toLocalDate(day), rule.time, rule.zone);
    if (at.toMillis() > after.getTime()) return at.toJSDate();
  }
  // Unreachable for valid rules (every ≥ 1, at least one weekday); fail loudly rather than loop.
  throw new RangeError(`No occurrence found for rule ${JSON.stringify(rule)}`);
}

function nextInterval(minutes: number, anchor: Date, after: Date): Date {
  const step = minutes * 60_000;
  if (after.getTime() < anchor.getTime()) return anchor;
  const ticks = Math.floor((after.getTime() - anchor.getTime()) / step) + 1;
  return new Date(anchor.getTime() + ticks * step);
}

function matchesDay(rule: Exclude<RecurrenceRule, { kind: 'interval' }>, day: DateTime, anchor: DateTime): boolean {
  switch (rule.kind) {
    case 'daily':
      return mod(Math.round(day.diff(anchor, 'days').days), rule.every) === 0;
    case 'weekly': {
      if (!rule.weekdays.includes(day.weekday as Weekday)) return false;
      const weeks = Math.round(day.startOf('week').diff(anchor.startOf('week'), 'weeks').weeks);
      return mod(weeks, rule.every) === 0;
    }
    case 'monthly': {
      const months = (day.year - anchor.year) * 12 + (day.month - anchor.month);
      return mod(months, rule.every) === 0 && day.day === Math.min(rule.day, day.daysInMonth ?? 28);
    }
  }
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** A short human description, e.g. "every Monday and Thursday at 10:00 (Europe/Berlin)". */
export function describeRule(rule: RecurrenceRule): string {
  if (rule.kind === 'interval') return `every ${describeMinutes(rule.minutes)}`;
  const at = `at ${formatWallTime(rule.time)} (${rule.zone})`;
  switch (rule.kind) {
    case 'daily':
      return `every ${rule.every === 1 ? 'day' : `${rule.every} days`} ${at}`;
    case 'weekly': {
      const prefix = rule.every === 1 ? 'every' : `every ${rule.every} weeks on`;
      return `${prefix} ${describeWeekdays(rule.weekdays)} ${at}`;
    }
    case 'monthly': {
      const months = rule.every === 1 ? 'month' : `${rule.every} months`;
      return `every ${months} on the ${ordinal(rule.day)} ${at}`;
    }
  }
}

function describeWeekdays(weekdays: readonly Weekday[]): string {
  const sorted = [...weekdays].sort();
  if (sorted.join() === '1,2,3,4,5') return 'weekday';
  if (sorted.join() === '6,7') return 'weekend day';
  const names = sorted.map((day) => WEEKDAY_NAMES[day - 1]);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function describeMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  if (minutes > 60) return `${plural(Math.floor(minutes / 60), 'hour')} ${plural(minutes % 60, 'minute')}`;
  return plural(minutes, 'minute');
}

function plural(count: number, unit: string): string {
  return count === 1 ? unit : `${count} ${unit}s`;
}

function ordinal(day: number): string {
  const suffix =
    day % 10 === 1 && day !== 11
      ? 'st'
      : day % 10 === 2 && day !== 12
        ? 'nd'
        : day % 10 === 3 && day !== 13
          ? 'rd'
          : 'th';
  return `${day}${suffix}`;
}
