import { parseWhen } from 'mellow';

/** A single time for `/twitter schedule`, read in the guild's zone by the shared parser. */
export function scheduleTime(text: string, zone: string): { ok: true; at: Date } | { ok: false; error: string } {
  if (/^\s*every\b/i.test(text)) {
    return {
      ok: false,
      error: 'A scheduled post goes out once. For repeating content, use `/twitter recurring set`.',
    };
  }
  const parsed = parseWhen(text, { zone, allowRecurring: false });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return parsed.when.kind === 'once' ? { ok: true, at: parsed.when.at } : { ok: false, error: 'Give one time.' };
}
