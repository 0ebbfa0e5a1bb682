import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_STATES, Reminder } from '../entities/Reminder';
import type { RemindersConfig } from './config';
import type { ReminderDeps } from './reminderInput';
import { fail, ok, type Result } from './result';

/**
 * Counts and inserts in one transaction holding advisory locks on the user (and the guild, for
 * channel reminders), so parallel creates can't all pass the count and overshoot a limit. The
 * user's lock is always taken first: no two creates wait on each other in opposite orders.
 */
export async function withinLimits(
  deps: ReminderDeps,
  userId: string,
  channelGuildId: string | null,
  insert: (em: EntityManager) => Reminder,
): Promise<Result<Reminder>> {
  return deps.em.transactional(async (em) => {
    const sql = em as SqlEntityManager;
    await sql.execute('select pg_advisory_xact_lock(hashtext(?))', [`reminders:user:${userId}`]);
    if (channelGuildId)
      await sql.execute('select pg_advisory_xact_lock(hashtext(?))', [`reminders:guild:${channelGuildId}`]);
    const limit = await checkLimits(em, deps.config, userId, channelGuildId);
    if (!limit.ok) return limit;
    const reminder = insert(em);
    await em.flush();
    return ok(reminder);
  });
}

async function checkLimits(
  em: EntityManager,
  config: RemindersConfig,
  userId: string,
  channelGuildId: string | null,
): Promise<Result<true>> {
  const mine = await em.count(Reminder, { userId, state: { $in: ACTIVE_STATES } });
  const maxMine = config.REMINDERS_MAX_ACTIVE_PER_USER;
  if (mine >= maxMine) {
    return fail(
      'Too many reminders',
      `You have ${mine} active reminders, the most allowed is ${maxMine}. Delete one with \`/remind delete\` first.`,
    );
  }
  if (channelGuildId) {
    const inGuild = await em.count(Reminder, {
      guildId: channelGuildId,
      target: 'channel',
      state: { $in: ACTIVE_STATES },
    });
    const maxGuild = config.REMINDERS_MAX_CHANNEL_PER_GUILD;
    if (inGuild >= maxGuild) {
      return fail(
        'This server has too many channel reminders',
        `It has ${inGuild}, the most allowed is ${maxGuild}. Ask whoever set them to delete some.`,
      );
    }
  }
  return ok(true);
}
