import { container, type Command, type UserError } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { logger } from '../logging/logger';
import { newReferenceId, noMentions, replyPrivately } from '../discord/replies';

export type CommandOutcome = 'success' | 'error' | 'denied';

interface CommandEvent {
  command: Command;
  outcome: CommandOutcome;
  guildId: string | null;
  userId: string;
  durationMs?: number;
}

/** Counts a finished command in the metrics and the system log. */
export function recordCommand({ command, outcome, guildId, userId, durationMs }: CommandEvent): void {
  const { metrics, plugins, systemLog } = container.mellow;
  const plugin = plugins.ownerOf(command)?.name ?? 'core';
  metrics.commands.inc({ command: command.name, plugin, outcome });
  if (durationMs !== undefined && durationMs >= 0)
    metrics.commandDuration.observe({ command: command.name, plugin }, durationMs / 1000);
  systemLog.record({
    type: 'command',
    title: `${command.name} (${outcome})`,
    guildId,
    userId,
    metadata: { command: command.name, plugin, outcome, durationMs },
  });
}

/**
 * Logs a command failure with its context and a reference id, and returns the apology for the user.
 * The user never sees the error itself: it may hold internals.
 */
export function reportCommandError(error: unknown, command: Command, guildId: string | null, userId: string): string {
  const reference = newReferenceId();
  logger.error(`Command ${command.name} failed [ref ${reference}]`, { error, guildId, userId });
  container.mellow.systemLog.record({
    type: 'error',
    severity: 'error',
    title: `Command ${command.name} failed`,
    description: error instanceof Error ? error.message : String(error),
    guildId,
    userId,
    metadata: { reference, command: command.name },
  });
  return `Sorry, something went wrong on our side and the command did not finish. If it keeps happening, give the bot's staff this reference: \`${reference}\`.`;
}

type CommandInteraction = Parameters<typeof replyPrivately>[0];

/**
 * Subcommands report a refusal or a failure through the subcommand plugin's own events, after which
 * Sapphire still reports the command as a success. These are the interactions and messages already
 * counted, so the success listeners skip them.
 */
const settled = new WeakSet<object>();

export const alreadySettled = (source: object) => settled.has(source);

/** A command threw: log it with a reference id and apologise privately. */
export async function failInteraction(error: unknown, command: Command, interaction: CommandInteraction, ms?: number) {
  settled.add(interaction);
  const { guildId, user } = interaction;
  recordCommand({ command, outcome: 'error', guildId, userId: user.id, durationMs: ms });
  await replyPrivately(interaction, reportCommandError(error, command, guildId, user.id));
}

export async function failMessage(error: unknown, command: Command, message: Message, ms?: number) {
  settled.add(message);
  const { guildId, author } = message;
  recordCommand({ command, outcome: 'error', guildId, userId: author.id, durationMs: ms });
  const content = reportCommandError(error, command, guildId, author.id);
  await message.reply({ content, ...noMentions }).catch(() => undefined);
}

/** Sapphire sends nothing when a precondition refuses; this tells the user why, privately. */
export async function denyInteraction(error: UserError, command: Command, interaction: CommandInteraction) {
  settled.add(interaction);
  recordCommand({ command, outcome: 'denied', guildId: interaction.guildId, userId: interaction.user.id });
  if (Reflect.get(Object(error.context), 'silent')) return;
  await replyPrivately(interaction, error.message);
}

export async function denyMessage(error: UserError, command: Command, message: Message) {
  settled.add(message);
  recordCommand({ command, outcome: 'denied', guildId: message.guildId, userId: message.author.id });
  if (Reflect.get(Object(error.context), 'silent')) return;
  await message.reply({ content: error.message, ...noMentions }).catch(() => undefined);
}
