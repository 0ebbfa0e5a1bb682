import { DateTime, IANAZone } from 'luxon';

const ALIASES: Record<string, string> = { utc: 'UTC', gmt: 'UTC', 'etc/utc': 'UTC', z: 'UTC', zulu: 'UTC' };

// ICU still lists some zones under their old names; offer the names people know today.
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

let zoneList: string[] | undefined;

/** Every IANA zone this runtime knows (by its current name), plus `UTC`, sorted. */
export function allZones(): readonly string[] {
  zoneList ??= [
    ...new Set([
      'UTC',
      ...Intl.supportedValuesOf('timeZone').map((zone) =>
        RENAMED[zone] && IANAZone.isValidZone(RENAMED[zone]) ? RENAMED[zone] : zone,
      ),
    ]),
  ].sort();
  return zoneList;
}

export function isValidZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone);
}

/**
 * The canonical spelling of a zone the user typed ("europe/berlin" → "Europe/Berlin", "gmt" → "UTC"),
 * or null when it is not a zone. Offsets such as "+02:00" are refused on purpose: they don't follow DST.
 */
export function canonicalZone(input: string): string | null {
  const trimmed = input.trim().replace(/\s+/g, '_');
  if (!trimmed) return null;
  const alias = ALIASES[trimmed.toLowerCase()];
  if (alias) return alias;
  const exact = allZones().find((zone) => zone.toLowerCase() === trimmed.toLowerCase());
  if (exact) return exact;
  if (!isValidZone(trimmed) || !trimmed.includes('/')) return null;
  // Other spellings and links ("asia/calcutta", "US/Eastern"): as the runtime names them, by today's name.
  const resolved = new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
  return RENAMED[resolved] ?? resolved;
}

/**
 * Zones matching a free-text query, best first, for autocomplete: exact, then prefix of the full name or of
 * the city, then substring. An empty query lists common zones.
 */
export function searchZones(query: string, limit = 25): string[] {
  const needle = query.trim().toLowerCase().replace(/\s+/g, '_');
  if (!needle) return allZones().slice(0, limit);
  const scored: { zone: string; score: number }[] = [];
  for (const zone of allZones()) {
    const lower = zone.toLowerCase();
    const city = lower.slice(lower.lastIndexOf('/') + 1);
    const score =
      lower === needle
        ? 0
        : city.startsWith(needle)
          ? 1
          : lower.startsWith(needle)
            ? 2
            : lower.includes(needle)
              ? 3
              : -1;
    if (score >= 0) scored.push({ zone, score });
  }
  scored.sort((a, b) => a.score - b.score || a.zone.localeCompare(b.zone));
  return scored.slice(0, limit).map(({ zone }) => zone);
}

/** "UTC+05:30" style offset of a zone at an instant (default now). */
export function formatZoneOffset(zone: string, at: Date = new Date()): string {
  return `UTC${DateTime.fromJSDate(at, { zone }).toFormat('ZZ')}`;
}

/** "Europe/Berlin (UTC+01:00)": a label for autocomplete choices and settings views. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  return `${zone} (${formatZoneOffset(zone, at)})`;
}
