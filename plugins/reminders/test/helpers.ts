import { container } from '@sapphire/framework';
import { Reminder } from '../entities/Reminder';
import { ReminderNotice } from '../entities/ReminderNotice';
import { ReminderUser } from '../entities/ReminderUser';
import { scheduleReminder, unscheduleReminder } from '../lib/schedule';
import type { DiscordEmulator } from '../../../src/testkit/emulator';

export const em = () => container.mellow.orm.em.fork();

export const reminderIdOf = (text: string): number => {
  const match = /(?:Id:\*\* #|Reminder #)(\d+)/.exec(text);
  if (!match) throw new Error(`No reminder id in: ${text}`);
  return Number(match[1]);
};

export const findReminder = (id: number) => em().findOne(Reminder, id);

/** Removes everything a test left for these users, and their jobs (a job without a row does nothing). */
export async function cleanUp(...userIds: string[]): Promise<void> {
  const fork = em();
  const rows = await fork.find(Reminder, { userId: { $in: userIds } });
  for (const row of rows)
    await container.tasks.delete(`reminders-${row.id}-${row.dueAt.getTime()}`).catch(() => undefined);
  await fork.nativeDelete(Reminder, { userId: { $in: userIds } });
  await fork.nativeDelete(ReminderUser, { userId: { $in: userIds } });
  await fork.nativeDelete(ReminderNotice, { userId: { $in: userIds } });
}

/** As if time passed: the reminder comes due in a moment, with a job for the new time. */
export async function dueNow(id: number, inMs = 150): Promise<void> {
  const fork = em();
  const reminder = await fork.findOneOrFail(Reminder, id);
  const previous = reminder.dueAt;
  Object.assign(reminder, { dueAt: new Date(Date.now() + inMs), state: 'pending' });
  await fork.flush();
  await unscheduleReminder(id, previous);
  await scheduleReminder(reminder);
}

/** As if the bot was offline when the reminder came due: its time is in the past and its job is gone. */
export async function missedWhileOffline(id: number, agoMs: number): Promise<void> {
  const fork = em();
  const reminder = await fork.findOneOrFail(Reminder, id);
  await unscheduleReminder(id, reminder.dueAt);
  reminder.dueAt = new Date(Date.now() - agoMs);
  await fork.flush();
}

/** What the core runs at ready and whenever Redis comes back. */
export async function reconcile(): Promise<void> {
  const plugin = container.mellow.plugins.getActive('reminders')!;
  await plugin.manifest.hooks!.reconcile!(plugin.context);
}

export const sentTo = (emu: DiscordEmulator, channelId: string) =>
  emu.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);
