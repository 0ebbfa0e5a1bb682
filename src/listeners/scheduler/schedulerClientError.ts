import { Listener } from '@sapphire/framework';
import { ScheduledTaskEvents } from '@sapphire/plugin-scheduled-tasks';
import { logger } from '../../lib/logging/logger';

/** A BullMQ error that is not about the connection: worth an operator's attention. */
export class SchedulerClientErrorListener extends Listener<
  typeof ScheduledTaskEvents.ScheduledTaskStrategyClientError
> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: ScheduledTaskEvents.ScheduledTaskStrategyClientError });
  }

  public override run(error: unknown) {
    logger.error('Scheduler queue error', { error });
  }
}
