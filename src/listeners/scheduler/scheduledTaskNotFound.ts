import { Listener } from '@sapphire/framework';
import { ScheduledTaskEvents } from '@sapphire/plugin-scheduled-tasks';
import { logger } from '../../lib/logging/logger';

/**
 * A job named a task that is not loaded: its plugin failed or was removed, or the job came due
 * before the task store loaded. Plugins re-create such work when they reconcile at ready.
 */
export class ScheduledTaskNotFoundListener extends Listener<typeof ScheduledTaskEvents.ScheduledTaskNotFound> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: ScheduledTaskEvents.ScheduledTaskNotFound });
  }

  public override run(task: string) {
    logger.warn(`A job asked for the scheduled task "${task}", which is not loaded; it was dropped`);
  }
}
