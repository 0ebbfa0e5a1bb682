import { DateTime, FixedOffsetZone } from 'luxon';

export interface WallTime {
  hour: number;
  minute: number;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The instant a wall-clock time on a local date happens in a zone.
 *
 * - A time that does not exist that day (spring forward, e.g. 02:30 in Europe/Berlin on the last Sunday
 *   of March) moves forward by the length of the gap: 02:30 becomes 03:30.
 * - A time that happens twice (fall back, e.g. 02:30 on the last Sunday of October) resolves to the
 *   first of the two, so a reminder fires once and as early as the wall clock first shows that time.
 */
export function resolveWallClock(date: LocalDate, time: WallTime, zone: string): DateTime {
  const local = { ...date, hour: time.hour, minute: time.minute, second: 0, millisecond: 0 };
  const resolved = DateTime.fromObject(local, { zone });
  // Luxon resolves ambiguous times to the later offset; try the offset in force just before the change.
  const offsetBefore = resolved.minus({ hours: 3 }).offset;
  if (offsetBefore !== resolved.offset) {
    const first = DateTime.fromObject(local, { zone: FixedOffsetZone.instance(offsetBefore) }).setZone(zone);
    if (first.hour === time.hour && first.minute === time.minute && first < resolved) return first;
  }
  return resolved;
}

export function formatWallTime(time: WallTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

export function toLocalDate(dt: DateTime): LocalDate {
  return { year: dt.year, month: dt.month, day: dt.day };
}
