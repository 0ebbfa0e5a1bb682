import { Listener } from '@sapphire/framework';
import { type ScheduledTask, ScheduledTaskEvents } from '@sapphire/plugin-scheduled-tasks';
import { newReferenceId } from '../../lib/discord/replies';
import { logger } from '../../lib/logging/logger';

/** A task's run threw: log it and keep it in the system log, where admins and staff look. */
export class ScheduledTaskErrorListener extends Listener<typeof ScheduledTaskEvents.ScheduledTaskError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: ScheduledTaskEvents.ScheduledTaskError });
  }

  public override run(error: unknown, task: ScheduledTask, payload: unknown) {
    const reference = newReferenceId();
    const guildId = (payload as { guildId?: unknown } | null)?.guildId;
    logger.error(`Scheduled task ${task.name} failed [ref ${reference}]`, { error });
    this.container.mellow.systemLog.record({
      type: 'error',
      severity: 'error',
      title: `Scheduled task ${task.name} failed`,
      description: error instanceof Error ? error.message : String(error),
      guildId: typeof guildId === 'string' ? guildId : null,
      metadata: { reference, task: task.name },
    });
  }
}
