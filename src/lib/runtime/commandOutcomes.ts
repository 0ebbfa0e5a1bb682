import { container, type Command } from '@sapphire/framework';
import { logger } from '../logging/logger';
import { newReferenceId } from '../discord/replies';

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
