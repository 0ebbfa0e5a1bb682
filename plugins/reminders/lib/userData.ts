import type { EntityManager } from '@mikro-orm/core';
import { Reminder } from '../entities/Reminder';
import { ReminderNotice } from '../entities/ReminderNotice';
import { ReminderUser } from '../entities/ReminderUser';
import { recipients } from './delivery/recipients';
import { notices } from './notices';

export async function exportUserData(em: EntityManager, userId: string) {
  const [reminders, settings, pending] = await Promise.all([
    em.find(Reminder, { userId }, { orderBy: { id: 'asc' } }),
    em.findOne(ReminderUser, { userId }),
    em.find(ReminderNotice, { userId }),
  ]);
  return {
    reminders: reminders.map((r) => ({
      id: r.id,
      text: r.text,
      dueAt: r.dueAt.toISOString(),
      repeats: r.rule,
      delivery: r.target,
      channelId: r.channelId,
      originChannelId: r.originChannelId,
      guildId: r.guildId,
      snoozeOf: r.snoozeOf,
      snoozedOccurrence: r.snoozedOccurrence?.toISOString() ?? null,
      roleId: r.roleId,
      state: r.state,
      createdAt: r.createdAt.toISOString(),
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
    })),
    settings: settings && {
      timeZone: settings.zone,
      delivery: settings.delivery,
      refusedDmsInARow: settings.dmRefusals,
      dmChannelId: settings.dmChannelId,
      checkinEveryHours: settings.checkinHours,
      nextCheckinAt: settings.checkinNextAt?.toISOString() ?? null,
      checkinGuildId: settings.checkinGuildId,
    },
    undeliveredNotices: pending.map((notice) => notice.message),
  };
}

/** Removes the user's reminders (their jobs then find no row and do nothing), settings and notices. */
export async function deleteUserData(em: EntityManager, userId: string): Promise<number> {
  const removed =
    (await em.nativeDelete(Reminder, { userId })) +
    (await em.nativeDelete(ReminderUser, { userId })) +
    (await em.nativeDelete(ReminderNotice, { userId }));
  recipients.forget(userId);
  notices.forget(userId);
  return removed;
}
