import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIMessage,
  ButtonStyle,
  ComponentType,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import { Colors, discordTime, describeRule } from 'mellow';
import type { Reminder } from '../../entities/Reminder';
import { button } from '../components';

/** The footer names the reminder and the embed timestamp its occurrence: together they find a sent copy. */
export const footerOf = (reminder: Pick<Reminder, 'id'>) => `Reminder #${reminder.id}`;

/** Snooze buttons name the occurrence they were sent for, so each occurrence of a repeating one has its own copy. */
export function reminderButtons(id: number, occurrence: Date): APIActionRowComponent<APIButtonComponent> {
  const at = occurrence.getTime();
  return {
    type: ComponentType.ActionRow,
    components: [
      button(`reminders.snooze:${id}:10m:${at}`, 'Snooze 10 min'),
      button(`reminders.snooze:${id}:1h:${at}`, 'Snooze 1 h'),
      button(`reminders.snooze:${id}:tomorrow:${at}`, 'Tomorrow 9:00'),
      button(`reminders.done:${id}`, 'Done', ButtonStyle.Success),
    ],
  };
}

export function describeLateness(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `${Math.max(1, minutes)} min`;
  const hours = Math.round(ms / 3_600_000);
  return hours < 48 ? `${hours} h` : `${Math.round(ms / 86_400_000)} days`;
}

export interface DeliveryContext {
  /** How late this delivery is, when late enough to say so. */
  lateMs: number | null;
  /** A line explaining a fallback ("I couldn't DM you, so …"). */
  note?: string;
  /** The next occurrence of a repeating reminder. */
  next?: Date | null;
  /** Who to mention in the content; allowed mentions are exactly these. */
  mention?: { users?: string[]; roles?: string[] };
}

export function lateNote(reminder: Reminder, lateMs: number): string {
  const reason =
    reminder.lateReason === 'disabled' ? 'reminders were switched off in this server' : 'the bot was offline';
  return `(${describeLateness(lateMs)} late: ${reason})`;
}

export function reminderMessage(reminder: Reminder, context: DeliveryContext): RESTPostAPIChannelMessageJSONBody {
  const users = context.mention?.users ?? [];
  const roles = context.mention?.roles ?? [];
  const content = [
    ...users.map((id) => `<@${id}>`),
    ...roles.map((id) => `<@&${id}>`),
    context.lateMs !== null ? lateNote(reminder, context.lateMs) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [reminder.text];
  if (reminder.target === 'channel') lines.push('', `Set by <@${reminder.userId}>`);
  if (reminder.rule && context.next)
    lines.push('', `Repeats ${describeRule(reminder.rule)}; next ${discordTime(context.next, 'R')}.`);
  if (context.note) lines.push('', `*${context.note}*`);
  const embed: APIEmbed = {
    color: Colors.info,
    title: '⏰ Reminder',
    description: lines.join('\n').slice(0, 4096),
    footer: { text: footerOf(reminder) },
    timestamp: reminder.dueAt.toISOString(),
  };
  return {
    ...(content ? { content } : {}),
    embeds: [embed],
    components: [reminderButtons(reminder.id, reminder.dueAt)],
    // Exactly who this message may ping; user text can never add anyone.
    allowed_mentions: { parse: [], users, roles },
  };
}

/** Whether a message in a channel is this occurrence of this reminder, sent by the bot. */
export function isDeliveryOf(message: APIMessage, reminder: Reminder, botId: string): boolean {
  if (message.author.id !== botId) return false;
  const embed = message.embeds[0];
  return (
    embed?.footer?.text === footerOf(reminder) &&
    embed.timestamp !== undefined &&
    Date.parse(embed.timestamp) === reminder.dueAt.getTime()
  );
}
