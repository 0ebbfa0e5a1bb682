import type { EntityManager } from '@mikro-orm/core';
import { ACTIVE_STATES, Reminder } from '../entities/Reminder';
import { fail, ok, type Result } from './result';

export const PAGE_SIZE = 5;

export interface ReminderPage {
  userId: string;
  items: Reminder[];
  page: number;
  pages: number;
  total: number;
}

/** Active reminders of a user (pending, sending, paused), soonest first, a page at a time. */
export async function listReminders(em: EntityManager, userId: string, page: number): Promise<ReminderPage> {
  const total = await em.count(Reminder, { userId, state: { $in: ACTIVE_STATES } });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const items = await em.find(
    Reminder,
    { userId, state: { $in: ACTIVE_STATES } },
    { orderBy: { dueAt: 'asc', id: 'asc' }, limit: PAGE_SIZE, offset: current * PAGE_SIZE },
  );
  return { userId, items, page: current, pages, total };
}

/** For autocomplete: the user's own active reminders whose text or id matches. */
export async function searchReminders(
  em: EntityManager,
  userId: string,
  query: string,
  limit = 25,
): Promise<Reminder[]> {
  const trimmed = query.trim().replace(/^#/, '');
  const filter = /^\d+$/.test(trimmed)
    ? { $or: [{ id: Number(trimmed) }, { text: { $ilike: `%${trimmed}%` } }] }
    : trimmed
      ? { text: { $ilike: `%${trimmed.replace(/[\\%_]/g, '\\$&')}%` } }
      : {};
  return em.find(Reminder, { userId, state: { $in: ACTIVE_STATES }, ...filter }, { orderBy: { dueAt: 'asc' }, limit });
}

/** A reminder the user may manage: their own. Others' ids look the same as unknown ones. */
export async function ownReminder(
  em: EntityManager,
  userId: string,
  id: number,
  states = ACTIVE_STATES,
): Promise<Result<Reminder>> {
  const reminder = Number.isSafeInteger(id) ? await em.findOne(Reminder, { id, userId }) : null;
  if (!reminder || !states.includes(reminder.state)) {
    return fail(
      'Reminder not found',
      'You have no active reminder with that id. Use `/remind list` to see yours; ids appear as `#12`.',
    );
  }
  return ok(reminder);
}
