import type { EntityManager } from '@mikro-orm/core';
import type { PluginGuildDescription } from 'mellow';
import { TwitterRecurring } from '../entities/TwitterRecurring';
import { guildAccount } from './accounts';
import { REVIEW_CHANNEL_PERMISSIONS } from './review';
import { limitsFor, settingsOf } from './settings';

/** Settings and the review channel, for diagnostics. Never the tokens. */
export async function describeGuild(em: EntityManager, guildId: string): Promise<PluginGuildDescription> {
  const settings = await settingsOf(em, guildId);
  const account = await guildAccount(em, guildId);
  const limits = limitsFor('guild', settings);
  const recurring = await em.find(TwitterRecurring, { guildId });
  return {
    settings: {
      'X account': account ? `@${account.username}` : null,
      'approval required': settings.approvalRequired,
      'approver role': settings.approverRoleId ? `<@&${settings.approverRoleId}>` : null,
      'daily cap': limits.dailyCap,
      'minimum interval (minutes)': limits.minIntervalMinutes,
      'blocked terms': settings.blockedTerms.length,
      'time zone': settings.timeZone,
      'recurring content': recurring.map((row) => `${row.kind}: ${row.description}`).join('; ') || null,
    },
    channels: [
      { label: 'review channel', channelId: settings.reviewChannelId, permissions: REVIEW_CHANNEL_PERMISSIONS },
    ],
  };
}
