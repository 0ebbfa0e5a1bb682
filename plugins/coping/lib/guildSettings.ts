import type { EntityManager } from '@mikro-orm/core';
import { CopingGuildSettings } from '../entities/CopingGuildSettings';
import { CopingOptOut } from '../entities/CopingOptOut';
import { detectionState } from './state';

export async function guildSettings(em: EntityManager, guildId: string): Promise<CopingGuildSettings> {
  const existing = await em.findOne(CopingGuildSettings, { guildId });
  if (existing) return existing;
  const fresh = new CopingGuildSettings();
  fresh.guildId = guildId;
  return fresh;
}

export interface SettingsChange {
  detection?: boolean;
  alertChannelId?: string | null;
  country?: string | null;
  retainText?: boolean;
}

export async function updateGuildSettings(
  em: EntityManager,
  guildId: string,
  change: SettingsChange,
  userId: string,
): Promise<CopingGuildSettings> {
  const settings = await guildSettings(em, guildId);
  Object.assign(settings, change, { updatedBy: userId, updatedAt: new Date() });
  em.persist(settings);
  await em.flush();
  detectionState.applyGuild(settings);
  return settings;
}

/** Returns whether anything changed. */
export async function setOptOut(em: EntityManager, userId: string, optedOut: boolean): Promise<boolean> {
  const changed = optedOut
    ? (
        (await em
          .getConnection()
          .execute(
            'insert into "coping_opt_out" ("user_id", "created_at") values (?, now()) on conflict do nothing',
            [userId],
            'run',
          )) as { affectedRows?: number }
      ).affectedRows! > 0
    : (await em.nativeDelete(CopingOptOut, { userId })) > 0;
  detectionState.applyOptOut(userId, optedOut);
  return changed;
}
