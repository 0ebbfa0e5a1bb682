import type { EntityManager } from '@mikro-orm/core';
import { ReminderNotice } from '../entities/ReminderNotice';

/**
 * Things to tell users the next time they use the bot (a reminder that reached nobody). Which users have
 * some is kept in memory, so the check on every command costs nothing; other processes' notices are
 * picked up by a periodic refresh.
 */
export class Notices {
  private pending = new Set<string>();

  public async add(
    em: EntityManager,
    userId: string,
    message: string,
    reminderId: number | null = null,
  ): Promise<void> {
    await em.insert(ReminderNotice, { userId, message, reminderId, createdAt: new Date() });
    this.pending.add(userId);
  }

  public has(userId: string): boolean {
    return this.pending.has(userId);
  }

  /** Returns the user's notices and forgets them, so each is shown once. */
  public async take(em: EntityManager, userId: string): Promise<string[]> {
    this.pending.delete(userId);
    const rows = await em.find(ReminderNotice, { userId }, { orderBy: { id: 'asc' } });
    if (rows.length) await em.nativeDelete(ReminderNotice, { id: { $in: rows.map((row) => row.id) } });
    return rows.map((row) => row.message);
  }

  public async refresh(em: EntityManager): Promise<void> {
    const rows = await em.find(ReminderNotice, {}, { fields: ['userId'] });
    this.pending = new Set(rows.map((row) => row.userId));
  }

  public forget(userId: string): void {
    this.pending.delete(userId);
  }
}

export const notices = new Notices();
