/**
 * Natural-language times and time zones, shared by plugins (reminders, twitter scheduling).
 * Pure functions: no I/O, no clock reads except the `now` default.
 *
 * - `parseWhen(text, { zone, now?, minIntervalMinutes = 5, maxAheadYears = 5, allowRecurring = true })`
 *   → `{ ok: true, when }` where `when` is `{ kind: 'once', at }` or `{ kind: 'recurring', rule, first }`,
 *   or `{ ok: false, code, error }` with a friendly `error` sentence that says what to type instead.
 *   Dates without a time mean 09:00; relative times ("in 2 hours") are exact elapsed time.
 * - `nextOccurrence(rule, after)` → the first occurrence strictly after `after`. Rules carry their zone.
 *   Wall-clock rules (daily/weekly/monthly) keep their local time across DST. A local time that does not
 *   exist (spring forward) fires after the gap (02:30 → 03:30); one that happens twice (fall back) fires
 *   once, at the first. Interval rules ("every 2 hours") count real elapsed time.
 * - `describeRule(rule)` → "every Monday at 10:00 (Europe/Berlin)".
 * - Zones: `isValidZone`, `canonicalZone` (user spelling → IANA name or null), `searchZones(query, limit = 25)`
 *   for autocomplete, `zoneLabel`/`formatZoneOffset` for display.
 * - `resolveWallClock(date, time, zone)` for callers that build their own local times (e.g. "tomorrow 9:00").
 */
export { parseWhen, type ParseWhenOptions, type When, type WhenResult } from './parseWhen';
export { type WhenError, type WhenErrorCode } from './messages';
export { describeMinutes, describeRule, nextOccurrence, type RecurrenceRule, type Weekday } from './recurrence';
export { formatWallTime, resolveWallClock, type LocalDate, type WallTime } from './wallClock';
export { allZones, canonicalZone, formatZoneOffset, isValidZone, searchZones, zoneLabel } from './zones';
