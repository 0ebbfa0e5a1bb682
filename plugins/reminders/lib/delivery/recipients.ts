import type { EntityManager } from '@mikro-orm/core';
import { ReminderUser } from '../../entities/ReminderUser';
import { openDm } from './discordApi';

interface Known {
  dmChannelId: string | null;
  refusals: number;
}

/**
 * What delivery needs to know about a user: the DM channel (it never changes for a user and the bot, so
 * after the first one a DM reminder costs a single request) and refused DMs in a row. Postgres keeps
 * both; memory saves the query.
 */
export class Recipients {
  private readonly known = new Map<string, Known>();

  public async dmChannel(em: EntityManager, userId: string): Promise<string> {
    const known = await this.load(em, userId);
    if (known.dmChannelId) return known.dmChannelId;
    known.dmChannelId = await openDm(userId);
    await em.upsert(ReminderUser, { userId, dmChannelId: known.dmChannelId, updatedAt: new Date() });
    return known.dmChannelId;
  }

  /** A DM went through: the run of refusals is over. */
  public async dmDelivered(em: EntityManager, userId: string): Promise<void> {
    const known = this.known.get(userId);
    if (!known || known.refusals === 0) return;
    known.refusals = 0;
    await em.nativeUpdate(ReminderUser, { userId }, { dmRefusals: 0, updatedAt: new Date() });
  }

  /** Counts a refused DM; returns how many in a row. */
  public async dmRefused(em: EntityManager, userId: string): Promise<number> {
    const [row] = await em.getConnection().execute<{ dm_refusals: number }[]>(
      `insert into "reminders_user" ("user_id", "dm_refusals", "updated_at") values (?, 1, now())
       on conflict ("user_id") do update set "dm_refusals" = "reminders_user"."dm_refusals" + 1, "updated_at" = now()
       returning "dm_refusals"`,
      [userId],
    );
    const known = await this.load(em, userId);
    known.refusals = row.dm_refusals;
    return row.dm_refusals;
  }

  /** Changed elsewhere (settings, data deletion): read it again next time. */
  public forget(userId: string): void {
    this.known.delete(userId);
  }

  private async load(em: EntityManager, userId: string): Promise<Known> {
    let known = this.known.get(userId);
    if (!known) {
      const row = await em.findOne(ReminderUser, { userId }, { fields: ['dmChannelId', 'dmRefusals'] });
      known = { dmChannelId: row?.dmChannelId ?? null, refusals: row?.dmRefusals ?? 0 };
      this.known.set(userId, known);
    }
    return known;
  }
}

export const recipients = new Recipients();
