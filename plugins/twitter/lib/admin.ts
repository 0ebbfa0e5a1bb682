import type { EntityManager } from '@mikro-orm/core';
import type { ReplyContent } from 'mellow';
import type { TwitterSettings } from '../entities/TwitterSettings';
import { guildAccount } from './accounts';
import { limitsFor, settingsOf, updateSettings } from './settings';
import { canonicalZone } from 'mellow';

export interface SettingsChange {
  approval?: boolean | null;
  reviewChannelId?: string | null;
  approverRoleId?: string | null;
  dailyCap?: number | null;
  minIntervalMinutes?: number | null;
  timeZone?: string | null;
}

const MAX_TERMS = 100;
const MAX_TERM_LENGTH = 60;

async function describe(em: EntityManager, settings: TwitterSettings, title: string): Promise<ReplyContent> {
  const limits = limitsFor('guild', settings);
  const account = await guildAccount(em, settings.guildId);
  return {
    outcome: 'success',
    title,
    description: [
      `**Account:** ${account ? `@${account.username}` : 'none (`/twitter connect`)'}`,
      `**Approval required:** ${settings.approvalRequired ? 'yes' : 'no (sensitive topics still go to review)'}`,
      `**Review channel:** ${settings.reviewChannelId ? `<#${settings.reviewChannelId}>` : 'none'}`,
      `**Approvers:** ${settings.approverRoleId ? `<@&${settings.approverRoleId}>` : 'members with Manage Server'}`,
      `**Daily cap:** ${limits.dailyCap} posts per 24 hours${settings.dailyCap === null ? ' (default)' : ''}`,
      `**Minimum interval:** ${limits.minIntervalMinutes} minutes${settings.minIntervalMinutes === null ? ' (default)' : ''}`,
      `**Time zone:** ${settings.timeZone}`,
      `**Blocked terms:** ${settings.blockedTerms.length}`,
    ].join('\n'),
  };
}

export async function changeSettings(
  em: EntityManager,
  guildId: string,
  change: SettingsChange,
): Promise<ReplyContent> {
  const unchanged = Object.values(change).every((value) => value === undefined);
  if (unchanged) return describe(em, await settingsOf(em, guildId), 'X settings');
  let zone: string | null = null;
  if (change.timeZone) {
    zone = canonicalZone(change.timeZone);
    if (!zone) {
      return {
        outcome: 'error',
        title: 'Unknown time zone',
        description: 'Pick one from the suggestions, for example `Europe/Berlin` or `America/New_York`.',
      };
    }
  }
  if (change.approval && !change.reviewChannelId && !(await settingsOf(em, guildId)).reviewChannelId) {
    return {
      outcome: 'error',
      title: 'Approval needs a review channel',
      description: 'Set one in the same command: `/twitter settings approval:True review-channel:#x-review`.',
    };
  }
  const settings = await updateSettings(em, guildId, (s) => {
    if (change.approval !== undefined && change.approval !== null) s.approvalRequired = change.approval;
    if (change.reviewChannelId !== undefined) s.reviewChannelId = change.reviewChannelId;
    if (change.approverRoleId !== undefined) s.approverRoleId = change.approverRoleId;
    if (change.dailyCap !== undefined) s.dailyCap = change.dailyCap;
    if (change.minIntervalMinutes !== undefined) s.minIntervalMinutes = change.minIntervalMinutes;
    if (zone) s.timeZone = zone;
  });
  return describe(em, settings, 'X settings saved');
}

const normalizeTerm = (term: string) => term.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export async function addBlockedTerm(em: EntityManager, guildId: string, raw: string): Promise<ReplyContent> {
  const term = normalizeTerm(raw);
  if (!term || term.length > MAX_TERM_LENGTH) {
    return { outcome: 'error', title: 'Give a word or phrase', description: `Up to ${MAX_TERM_LENGTH} characters.` };
  }
  const current = await settingsOf(em, guildId);
  if (current.blockedTerms.includes(term)) return { outcome: 'info', title: `“${term}” is already blocked` };
  if (current.blockedTerms.length >= MAX_TERMS) {
    return { outcome: 'error', title: 'The list is full', description: `Remove a term first (at most ${MAX_TERMS}).` };
  }
  await updateSettings(em, guildId, (s) => (s.blockedTerms = [...s.blockedTerms, term]));
  return {
    outcome: 'success',
    title: `Blocked “${term}”`,
    description: 'Posts containing it are refused from now on.',
  };
}

export async function removeBlockedTerm(em: EntityManager, guildId: string, raw: string): Promise<ReplyContent> {
  const term = normalizeTerm(raw);
  const current = await settingsOf(em, guildId);
  if (!current.blockedTerms.includes(term)) {
    return {
      outcome: 'error',
      title: `“${term}” is not blocked`,
      description: '`/twitter blocked list` shows the list.',
    };
  }
  await updateSettings(em, guildId, (s) => (s.blockedTerms = s.blockedTerms.filter((t) => t !== term)));
  return { outcome: 'success', title: `Unblocked “${term}”` };
}

export async function listBlockedTerms(em: EntityManager, guildId: string): Promise<ReplyContent> {
  const { blockedTerms } = await settingsOf(em, guildId);
  return {
    outcome: 'info',
    title: `Blocked terms (${blockedTerms.length})`,
    description: blockedTerms.length
      ? blockedTerms.map((term) => `• ${term}`).join('\n')
      : 'None. Add one with `/twitter blocked add`.',
  };
}
