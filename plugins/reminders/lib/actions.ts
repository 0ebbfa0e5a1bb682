import { container } from '@sapphire/framework';
import { type GuildBasedChannel, MessageFlags, PermissionFlagsBits, type Role } from 'discord.js';
import { type CommandTarget, discordTime, respond, type ReplyContent, sendPrivately } from 'mellow';
import type { ReminderTarget } from '../entities/Reminder';
import type { DeliveryPreference } from '../entities/ReminderUser';
import { refuseChannelReminder } from './channelPermissions';
import { remindersConfig } from './config';
import { listReply, manageReply, reminderDetails } from './format';
import type { Result } from './result';
import type { NewReminder } from './createReminder';
import { ReminderService } from './ReminderService';
import { setDelivery } from './settings';

/**
 * What `/remind …` and `!remind …` do, shared by both: only argument parsing differs between them.
 * Each answers the user (privately for slash commands) and changes nothing when the input is bad.
 */
export const userIdOf = (target: CommandTarget) => ('author' in target ? target.author.id : target.user.id);

export const service = () => new ReminderService(container.mellow.orm.em.fork(), remindersConfig());

/**
 * Creating, editing or resuming may wait for Redis (scheduling retries for a while), longer than
 * Discord's 3 s to answer an interaction: acknowledge privately first, `respond` then edits it.
 */
async function deferPrivately(target: CommandTarget): Promise<void> {
  if (!('author' in target) && !target.deferred && !target.replied)
    await target.deferReply({ flags: MessageFlags.Ephemeral });
}

function answer<T>(result: Result<T>, success: (value: T) => ReplyContent): ReplyContent {
  return result.ok ? success(result.value) : { outcome: 'error', title: result.title, description: result.description };
}

export async function remindMe(
  target: CommandTarget,
  input: { when: string; what: string; where?: ReminderTarget | null },
) {
  await deferPrivately(target);
  await create(target, 'Reminder set', { target: input.where ?? undefined, when: input.when, text: input.what });
}

/** Creates a reminder set from where the command was used, and confirms it with its time, place and id. */
async function create(
  target: CommandTarget,
  title: string,
  input: Omit<NewReminder, 'userId' | 'guildId' | 'channelId'>,
): Promise<void> {
  const created = await service().create({
    userId: userIdOf(target),
    guildId: target.guildId,
    channelId: target.channelId,
    ...input,
  });
  await respond(
    target,
    answer(created, (reminder) => ({ outcome: 'success', title, description: reminderDetails(reminder) })),
  );
}

const CHANNEL_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
];

export async function remindChannel(
  target: CommandTarget,
  input: { channel: GuildBasedChannel | null; role: Role | null; when: string; what: string },
) {
  await deferPrivately(target);
  const { channel, role } = input;
  if (!channel || !target.guild || !channel.isTextBased()) {
    return respond(target, {
      outcome: 'error',
      title: 'Pick a text channel',
      description: 'For example `/remind channel channel:#general when:friday 18:00 what:game night`.',
    });
  }
  const me = target.guild.members.me;
  if (me && !channel.permissionsFor(me).has(CHANNEL_PERMISSIONS)) {
    return respond(target, {
      outcome: 'error',
      title: `I can't post in #${channel.name}`,
      description: 'I need View Channel, Send Messages and Embed Links there. Ask an admin, or pick another channel.',
    });
  }
  if (role && role.id === target.guild.id) {
    return respond(target, {
      outcome: 'error',
      title: 'Pick a role, not @everyone',
      description: 'Channel reminders never ping @everyone or @here. Leave `role` empty to ping nobody.',
    });
  }
  const refused = await refuseChannelReminder(target, channel, role);
  if (refused) return respond(target, refused);
  await create(target, 'Channel reminder set', {
    target: 'channel',
    targetChannelId: channel.id,
    roleId: role?.id ?? null,
    when: input.when,
    text: input.what,
  });
}

/** The list is personal: a message command in a server sends it by DM, never into the channel. */
export async function showList(target: CommandTarget, page = 0) {
  const list = listReply(await service().list(userIdOf(target), page));
  if ('author' in target) await sendPrivately(target, list, { slash: '/remind list' });
  else await respond(target, list);
}

export async function deleteReminder(target: CommandTarget, id: number) {
  const deleted = await service().delete(userIdOf(target), id);
  await respond(
    target,
    answer(deleted, (reminder) => ({
      outcome: 'success',
      title: `Deleted reminder #${reminder.id}`,
      description: `It won't be sent.`,
    })),
  );
}

export async function editReminder(
  target: CommandTarget,
  id: number,
  changes: { when?: string | null; what?: string | null },
) {
  await deferPrivately(target);
  const edited = await service().edit(userIdOf(target), id, changes);
  await respond(
    target,
    answer(edited, (reminder) => ({
      ...manageReply(reminder, `Reminder #${reminder.id} changed`),
      outcome: 'success',
    })),
  );
}

export async function pauseReminder(target: CommandTarget, id: number) {
  const paused = await service().pause(userIdOf(target), id);
  await respond(
    target,
    answer(paused, (reminder) => ({
      outcome: 'success',
      title: `Paused reminder #${reminder.id}`,
      description: `Resume it with \`/remind resume id:${reminder.id}\`.`,
    })),
  );
}

export async function resumeReminder(target: CommandTarget, id: number) {
  await deferPrivately(target);
  const resumed = await service().resume(userIdOf(target), id);
  await respond(
    target,
    answer(resumed, (reminder) => ({
      outcome: 'success',
      title: `Resumed reminder #${reminder.id}`,
      description: `Next: ${discordTime(reminder.dueAt, 'F')} (${discordTime(reminder.dueAt, 'R')}).`,
    })),
  );
}

export async function chooseDelivery(target: CommandTarget, where: DeliveryPreference) {
  await setDelivery(container.mellow.orm.em.fork(), userIdOf(target), where);
  await respond(target, {
    outcome: 'success',
    title: where === 'dm' ? 'New reminders come by DM' : 'New reminders come where you set them',
    description:
      where === 'dm'
        ? 'Keep your DMs open to me. If they are closed, I post in the channel you used instead.'
        : 'In DMs with me, they still come by DM. Existing reminders keep their delivery.',
  });
}
