import type { EntityManager } from '@mikro-orm/core';
import type { PostAccount } from '../entities/TwitterPost';
import { type RecurringKind, TwitterRecurring } from '../entities/TwitterRecurring';
import type { Actor } from './access';
import { recurringText } from './content/library';
import { chooseAccount, createDraft, submit } from './posts';
import { scheduleRecurringJob, recurringJobId } from './schedule';
import { settingsOf } from './settings';
import { type RecurrenceRule, describeRule, nextOccurrence, parseWhen } from 'mellow';

export type RecurringResult =
  { ok: true; recurring: TwitterRecurring; account: string } | { ok: false; title: string; problem: string };

const EXAMPLES: Record<RecurringKind, string> = {
  tip: 'every day at 9am',
  update: 'every monday at 10:00',
};

/** Sets (or replaces) a guild's daily tip or weekly update, from a repeating time in words. */
export async function setRecurring(
  em: EntityManager,
  actor: Actor,
  guildId: string,
  kind: RecurringKind,
  whenText: string,
  requested?: PostAccount,
): Promise<RecurringResult> {
  const settings = await settingsOf(em, guildId);
  const chosen = await chooseAccount(em, actor, settings, requested);
  if ('problem' in chosen) return { ok: false, ...chosen };
  const parsed = parseWhen(whenText, { zone: settings.timeZone, minIntervalMinutes: 60 });
  if (!parsed.ok) return { ok: false, title: 'I couldn’t read that time', problem: parsed.error };
  if (parsed.when.kind !== 'recurring') {
    return {
      ok: false,
      title: 'That time does not repeat',
      problem: `Recurring content needs a repeating time, for example \`${EXAMPLES[kind]}\`. For a single post, use \`/twitter schedule\`.`,
    };
  }
  const existing = await em.findOne(TwitterRecurring, { guildId, kind });
  const previousJob = existing ? recurringJobId(existing) : undefined;
  const recurring =
    existing ??
    em.create(TwitterRecurring, {
      guildId,
      kind,
      account: chosen.account,
      rule: {},
      description: '',
      nextAt: new Date(),
    });
  Object.assign(recurring, {
    account: chosen.account,
    rule: parsed.when.rule,
    description: describeRule(parsed.when.rule),
    nextAt: parsed.when.first,
    createdBy: actor.userId,
  });
  await em.flush();
  await scheduleRecurringJob(recurring, previousJob);
  return { ok: true, recurring, account: chosen.label };
}

export async function clearRecurring(em: EntityManager, guildId: string, kind: RecurringKind): Promise<boolean> {
  const existing = await em.findOne(TwitterRecurring, { guildId, kind });
  if (!existing) return false;
  await em.remove(existing).flush();
  return true; // its job finds no row and does nothing
}

/**
 * One occurrence: the next item becomes a post, which goes through the same review and limits as
 * any other; then the next occurrence is scheduled. After downtime, one catch-up post goes out
 * and the missed ticks are skipped.
 */
export async function fireRecurring(em: EntityManager, recurringId: number, at: number): Promise<void> {
  const recurring = await em.findOne(TwitterRecurring, recurringId);
  if (!recurring || recurring.nextAt.getTime() !== at) return;
  const settings = await settingsOf(em, recurring.guildId);
  const previousJob = recurringJobId(recurring);
  recurring.nextAt = nextOccurrence(recurring.rule as RecurrenceRule, new Date());
  recurring.cursor++;
  await em.flush();
  await scheduleRecurringJob(recurring, previousJob);
  const text = await recurringText(recurring.kind, recurring.cursor - 1, settings.blockedTerms);
  const draft = await createDraft(em, null, {
    guildId: recurring.guildId,
    channelId: null,
    text,
    account: recurring.account,
    source: recurring.kind,
  });
  if (draft.ok) await submit(em, draft.post.id, draft.account);
}
