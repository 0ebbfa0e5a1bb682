import type { EntityManager } from '@mikro-orm/core';
import { type ReplyContent, discordTime } from 'mellow';
import { type PostAccount, TwitterPost } from '../entities/TwitterPost';
import { type Actor, isOwnerOrStaff } from './access';
import { guildAccount, isBotAccountConfigured, resolveAccount } from './accounts';
import { postsInLastDay } from './limits';
import { storedFailure } from './publisher';
import { limitsFor, settingsOf } from './settings';
import { discordWhen, explainFailure } from './views';
import { XFailure, callX, diagnoses } from './x/failure';
import { summarizeRateLimit } from './x/rateLimit';

/** Asks X who the account is (`v2.me`), with the access level and rate limits it reports. */
export async function checkAccount(em: EntityManager, kind: PostAccount, guildId: string) {
  try {
    const account = await resolveAccount(em, kind, guildId);
    const response = await callX(() => account.client.v2.get('users/me', undefined, { fullResponse: true }));
    const data = (response.data as { data: { id: string; username: string } }).data;
    const accessLevel = response.headers['x-access-level'];
    return {
      ok: true as const,
      username: data.username,
      accessLevel: typeof accessLevel === 'string' ? accessLevel : null,
      rateLimit: response.rateLimit ? summarizeRateLimit(response.rateLimit) : null,
    };
  } catch (error) {
    if (error instanceof XFailure) return { ok: false as const, failure: error };
    throw error;
  }
}

/** The accounts this person may see: the guild's own, and the bot-wide one for owners and staff. */
async function visibleAccounts(em: EntityManager, guildId: string, actor: Actor): Promise<PostAccount[]> {
  const accounts: PostAccount[] = [];
  if (await guildAccount(em, guildId)) accounts.push('guild');
  if (isOwnerOrStaff(actor.userId) && isBotAccountConfigured()) accounts.push('bot');
  return accounts;
}

const accountTitle = (kind: PostAccount) => (kind === 'bot' ? 'Bot-wide account' : 'This server’s account');

export async function statusReport(em: EntityManager, guildId: string, actor: Actor): Promise<ReplyContent> {
  const settings = await settingsOf(em, guildId);
  const accounts = await visibleAccounts(em, guildId, actor);
  const lines: string[] = [];
  if (accounts.length === 0) lines.push(`**No X account.** ${diagnoses['not-connected'].fix}`);
  for (const kind of accounts) {
    const check = await checkAccount(em, kind, guildId);
    const limits = limitsFor(kind, settings);
    const today = (await postsInLastDay(em, kind, guildId)).length;
    lines.push(
      `__${accountTitle(kind)}__`,
      check.ok ? `**Account:** @${check.username}` : `**Account:** unreachable: ${diagnoses[check.failure.kind].title}`,
      `**Posting:** ${check.ok ? (settings.approvalRequired ? 'enabled, every post needs approval' : 'enabled') : 'not possible until the error below is fixed'}`,
      `**Posts in the last 24 hours:** ${today}/${limits.dailyCap} (at least ${limits.minIntervalMinutes} min apart)`,
      '',
    );
  }
  const next = await em.findOne(TwitterPost, { guildId, status: 'scheduled' }, { orderBy: { scheduledFor: 'asc' } });
  lines.push(
    `**Next scheduled post:** ${next?.scheduledFor ? `#${next.id} ${discordWhen(next.scheduledFor)}` : 'none'}`,
  );
  const waiting = await em.count(TwitterPost, { guildId, status: 'review' });
  if (waiting) lines.push(`**Waiting for review:** ${waiting}`);
  const lastError = await em.findOne(
    TwitterPost,
    { guildId, errorKind: { $ne: null } },
    { orderBy: { errorAt: 'desc' } },
  );
  if (lastError?.errorAt) {
    lines.push(
      '',
      `**Last error** (${discordTime(lastError.errorAt, 'R')}, post #${lastError.id}):`,
      explainFailure(storedFailure(lastError)),
    );
  }
  return { outcome: 'info', title: 'X status', description: lines.join('\n') };
}

/** `/twitter test`: a connection check per account, in words. */
export async function connectionTest(em: EntityManager, guildId: string, actor: Actor): Promise<ReplyContent> {
  const accounts = await visibleAccounts(em, guildId, actor);
  if (accounts.length === 0) {
    return { outcome: 'warning', title: diagnoses['not-connected'].title, description: diagnoses['not-connected'].fix };
  }
  const lines: string[] = [];
  let healthy = true;
  for (const kind of accounts) {
    const check = await checkAccount(em, kind, guildId);
    lines.push(`__${accountTitle(kind)}__`);
    if (!check.ok) {
      healthy = false;
      lines.push(explainFailure(check.failure), '');
      continue;
    }
    lines.push(`✅ X accepted the keys: the account is **@${check.username}**.`);
    if (check.accessLevel && !check.accessLevel.includes('write')) {
      healthy = false;
      lines.push(`⚠️ The tokens can only read (access level: ${check.accessLevel}). ${diagnoses['read-only'].fix}`);
    } else if (check.accessLevel) {
      lines.push(`✅ The tokens may post (access level: ${check.accessLevel}).`);
    }
    const limit = check.rateLimit?.endpoint;
    if (limit)
      lines.push(
        `ℹ️ Rate limit of this check: ${limit.remaining}/${limit.limit} left, resets ${discordTime(limit.resetAt, 'R')}.`,
      );
    lines.push('');
  }
  return {
    outcome: healthy ? 'success' : 'error',
    title: healthy ? 'Connection to X works' : 'Connection to X has a problem',
    description: lines.join('\n'),
  };
}
