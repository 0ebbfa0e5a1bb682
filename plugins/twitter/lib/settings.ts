import type { EntityManager } from '@mikro-orm/core';
import { TwitterSettings } from '../entities/TwitterSettings';
import type { PostAccount } from '../entities/TwitterPost';
import { twitterConfig } from './config';

/** A guild's settings; a guild that never changed any gets the defaults (not stored). */
export async function settingsOf(em: EntityManager, guildId: string): Promise<TwitterSettings> {
  return (await em.findOne(TwitterSettings, { guildId })) ?? Object.assign(new TwitterSettings(), { guildId });
}

export async function updateSettings(
  em: EntityManager,
  guildId: string,
  change: (settings: TwitterSettings) => void,
): Promise<TwitterSettings> {
  let settings = await em.findOne(TwitterSettings, { guildId });
  if (!settings) em.persist((settings = Object.assign(new TwitterSettings(), { guildId })));
  change(settings);
  await em.flush();
  return settings;
}

export interface AccountLimits {
  dailyCap: number;
  minIntervalMinutes: number;
}

/** The bot-wide account is shared by every guild, so only the bot's config limits it. */
export function limitsFor(account: PostAccount, settings: TwitterSettings): AccountLimits {
  const config = twitterConfig();
  if (account === 'bot') return { dailyCap: config.dailyCap, minIntervalMinutes: config.minIntervalMinutes };
  return {
    dailyCap: settings.dailyCap ?? config.dailyCap,
    minIntervalMinutes: settings.minIntervalMinutes ?? config.minIntervalMinutes,
  };
}
