import { type APIActionRowComponent, type APIComponentInActionRow, ButtonStyle, ComponentType } from 'discord.js';
import { discordTime, noMentions, outcomeEmbed, type ReplyContent, describeRule } from 'mellow';
import type { Reminder } from '../entities/Reminder';
import { button } from './components';

type Row = APIActionRowComponent<APIComponentInActionRow>;

export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One line of text with no formatting that could break out of a list entry. */
const oneLine = (text: string, max: number) => clip(text.replace(/\s+/g, ' '), max);

function whereItGoes(reminder: Reminder): string {
  if (reminder.target === 'channel')
    return `in <#${reminder.channelId}>${reminder.roleId ? ` for <@&${reminder.roleId}>` : ''}`;
  return reminder.target === 'here' ? `in <#${reminder.originChannelId}>` : 'by DM';
}

export function whenLine(reminder: Reminder): string {
  const when = `${discordTime(reminder.dueAt, 'F')} (${discordTime(reminder.dueAt, 'R')})`;
  return reminder.state === 'paused' ? `⏸ paused (was due ${when})` : when;
}

/** What the user reads after creating or editing a reminder. */
export function reminderDetails(reminder: Reminder): string {
  const lines = [`**When:** ${whenLine(reminder)}`];
  if (reminder.rule) lines.push(`**Repeats:** ${describeRule(reminder.rule)}`);
  lines.push(
    `**Where:** ${whereItGoes(reminder)}`,
    `**Id:** #${reminder.id}`,
    '',
    `> ${clip(reminder.text, 1000).replace(/\n/g, '\n> ')}`,
  );
  return lines.join('\n');
}

export function listEntry(reminder: Reminder): string {
  const repeats = reminder.rule ? ` · 🔁 ${describeRule(reminder.rule)}` : '';
  return `**#${reminder.id}** · ${whenLine(reminder)}${repeats}\n${oneLine(reminder.text, 90)}`;
}

export interface ListPage {
  /** Whose list it is: only they may page through it or pick from it. */
  userId: string;
  items: Reminder[];
  page: number;
  pages: number;
  total: number;
}

/** The list as a reply: entries, a picker to manage one, and page buttons. */
export function listReply(list: ListPage): ReplyContent {
  const entries = list.items.length
    ? list.items.map(listEntry).join('\n\n')
    : 'You have no active reminders. Set one with `/remind me when:in 10 minutes what:stretch`.';
  return {
    outcome: 'info',
    title: `Your reminders (${list.total})`,
    description: `${entries}\n\nPage ${list.page + 1} of ${list.pages}`,
    extra: { components: listComponents(list) },
  };
}

export function listComponents(list: ListPage): Row[] {
  const rows: Row[] = [];
  if (list.items.length) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `reminders.pick:${list.userId}`,
          placeholder: 'Manage a reminder…',
          options: list.items.map((reminder) => ({
            label: clip(`#${reminder.id} ${oneLine(reminder.text, 80)}`, 100),
            value: String(reminder.id),
          })),
        },
      ],
    });
  }
  if (list.pages > 1) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        button(`reminders.list:${list.userId}:${list.page - 1}`, '◀ Previous', ButtonStyle.Secondary, list.page === 0),
        button(
          `reminders.list:${list.userId}:${list.page + 1}`,
          'Next ▶',
          ButtonStyle.Secondary,
          list.page >= list.pages - 1,
        ),
      ],
    });
  }
  return rows;
}

/** One reminder with what can be done to it. */
export function manageReply(reminder: Reminder, title = `Reminder #${reminder.id}`): ReplyContent {
  const buttons = [button(`reminders.edit:${reminder.id}`, 'Edit', ButtonStyle.Primary)];
  if (reminder.rule && reminder.state === 'paused') buttons.push(button(`reminders.resume:${reminder.id}`, 'Resume'));
  else if (reminder.rule) buttons.push(button(`reminders.pause:${reminder.id}`, 'Pause'));
  buttons.push(
    button(`reminders.delete:${reminder.id}`, 'Delete', ButtonStyle.Danger),
    button(`reminders.list:${reminder.userId}:0`, 'Back to list'),
  );
  return {
    outcome: 'info',
    title,
    description: reminderDetails(reminder),
    extra: { components: [{ type: ComponentType.ActionRow, components: buttons }] },
  };
}

/** A reply turned into an edit of the message a component was on. */
export function asUpdate(reply: ReplyContent) {
  return {
    embeds: [outcomeEmbed(reply.outcome, reply.title, reply.description)],
    components: reply.extra?.components ?? [],
    ...noMentions,
  };
}
