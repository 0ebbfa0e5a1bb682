import { Listener } from '@sapphire/framework';
import { ScheduledTaskEvents } from '@sapphire/plugin-scheduled-tasks';
import { logger } from '../../lib/logging/logger';

/** A BullMQ worker error that is not about the connection. */
export class SchedulerWorkerErrorListener extends Listener<
  typeof ScheduledTaskEvents.ScheduledTaskStrategyWorkerError
> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: ScheduledTaskEvents.ScheduledTaskStrategyWorkerError });
  }

  public override run(error: unknown) {
    logger.error('Scheduler worker error', { error });
  }
}
