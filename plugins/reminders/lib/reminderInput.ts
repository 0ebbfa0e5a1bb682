import type { EntityManager } from '@mikro-orm/core';
import type { Reminder } from '../entities/Reminder';
import type { RemindersConfig } from './config';
import { fail, ok, type Result } from './result';
import { zoneFor } from './settings';
import { parseWhen, type When } from 'mellow';

/** What the reminder rules need: a forked EM, the plugin's config and an injectable clock. */
export interface ReminderDeps {
  em: EntityManager;
  config: RemindersConfig;
  now: () => Date;
}

/** Parses a "when" in the user's zone (or the guild's), within the configured interval and horizon. */
export async function parseTime(
  deps: ReminderDeps,
  text: string,
  userId: string,
  guildId: string | null,
): Promise<Result<When>> {
  const { zone } = await zoneFor(deps.em, userId, guildId);
  const parsed = parseWhen(text, {
    zone,
    now: deps.now(),
    minIntervalMinutes: deps.config.REMINDERS_MIN_INTERVAL_MINUTES,
    maxAheadYears: deps.config.REMINDERS_MAX_AHEAD_YEARS,
  });
  return parsed.ok ? ok(parsed.when) : fail("I can't use that time", parsed.error);
}

export function timing(when: When): Pick<Reminder, 'dueAt' | 'rule'> {
  return when.kind === 'once' ? { dueAt: when.at, rule: null } : { dueAt: when.first, rule: when.rule };
}

export function checkText(config: RemindersConfig, raw: string | null | undefined): Result<string> {
  const text = (raw ?? '').trim();
  if (!text) return fail('What should I remind you of?', 'Add some text, for example `what: stretch your legs`.');
  const max = config.REMINDERS_MAX_TEXT_LENGTH;
  if (text.length > max) {
    return fail(
      'That text is too long',
      `Keep it to ${max.toLocaleString('en')} characters (it has ${text.length.toLocaleString('en')}).`,
    );
  }
  return ok(text);
}
