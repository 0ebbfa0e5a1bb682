/** Why a time could not be used; `code` is for callers, `error` is a friendly sentence for the user. */
export type WhenErrorCode =
  'empty' | 'too-long' | 'unparsed' | 'past' | 'too-far' | 'interval-too-short' | 'recurring-not-allowed' | 'bad-zone';

export interface WhenError {
  ok: false;
  code: WhenErrorCode;
  error: string;
}

const EXAMPLES = "'in 10 minutes', 'tomorrow 9am', 'friday 18:30' or 'every monday 10:00'";

export function whenError(
  code: WhenErrorCode,
  details: { minIntervalMinutes?: number; maxAheadYears?: number; zone?: string } = {},
): WhenError {
  return { ok: false, code, error: message(code, details) };
}

function message(
  code: WhenErrorCode,
  details: { minIntervalMinutes?: number; maxAheadYears?: number; zone?: string },
): string {
  switch (code) {
    case 'empty':
      return `Tell me when, for example ${EXAMPLES}.`;
    case 'too-long':
      return `That's too long to be a time. Keep it short, for example ${EXAMPLES}.`;
    case 'unparsed':
      return `I couldn't understand that time. Try ${EXAMPLES}.`;
    case 'past':
      return "That time is in the past. Try 'in 10 minutes' or 'tomorrow 9am'.";
    case 'too-far':
      return `That's more than ${details.maxAheadYears ?? 5} years ahead. Pick a time within ${details.maxAheadYears ?? 5} years.`;
    case 'interval-too-short':
      return `Repeating reminders need at least ${details.minIntervalMinutes ?? 5} minutes between them. Try 'every hour' or 'every day at 21:00'.`;
    case 'recurring-not-allowed':
      return "Repeating times aren't available here. Give one time, for example 'tomorrow 9am'.";
    case 'bad-zone':
      return "That isn't a time zone I know. Pick one from the list, for example 'Europe/Berlin' or 'America/New_York'.";
  }
}
