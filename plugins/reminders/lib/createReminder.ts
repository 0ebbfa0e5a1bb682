import { Reminder, type ReminderTarget } from '../entities/Reminder';
import { checkText, parseTime, type ReminderDeps, timing } from './reminderInput';
import { withinLimits } from './reminderLimits';
import { ok, type Result } from './result';
import { scheduleReminder, tryToSchedule } from './schedule';
import { defaultDelivery } from './settings';

export interface NewReminder {
  userId: string;
  /** Where the command was used: null guild and channel in DMs. */
  guildId: string | null;
  channelId: string | null;
  /** Absent: the user's default delivery. */
  target?: ReminderTarget;
  /** For "channel" reminders. */
  targetChannelId?: string;
  roleId?: string | null;
  when: string;
  text: string;
}

export async function createReminder(deps: ReminderDeps, input: NewReminder): Promise<Result<Reminder>> {
  const text = checkText(deps.config, input.text);
  if (!text.ok) return text;
  const when = await parseTime(deps, input.when, input.userId, input.guildId);
  if (!when.ok) return when;
  const target = await targetFor(deps, input);
  const created = await withinLimits(deps, input.userId, target === 'channel' ? input.guildId : null, (em) =>
    em.create(Reminder, {
      userId: input.userId,
      guildId: input.guildId,
      originChannelId: input.channelId,
      target,
      channelId: target === 'channel' ? (input.targetChannelId ?? null) : null,
      roleId: target === 'channel' ? (input.roleId ?? null) : null,
      text: text.value,
      ...timing(when.value),
      createdAt: deps.now(),
    }),
  );
  if (!created.ok) return created;
  const reminder = created.value;
  await tryToSchedule(() => scheduleReminder(reminder), `reminder ${reminder.id}`);
  return ok(reminder);
}

async function targetFor(deps: ReminderDeps, input: NewReminder): Promise<ReminderTarget> {
  const target = input.target ?? (await defaultDelivery(deps.em, input.userId));
  // "Here" means nothing in DMs: a DM is already here.
  return target === 'here' && !input.guildId ? 'dm' : target;
}
