import { Listener } from '@sapphire/framework';
import { ScheduledTaskEvents } from '@sapphire/plugin-scheduled-tasks';
import { logger } from '../../lib/logging/logger';

/**
 * BullMQ's connection errors repeat every retry while Redis is down. SchedulerMonitor reports the
 * outage once, so these only go to debug.
 */
export class SchedulerConnectErrorListener extends Listener<
  typeof ScheduledTaskEvents.ScheduledTaskStrategyConnectError
> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: ScheduledTaskEvents.ScheduledTaskStrategyConnectError });
  }

  public override run(error: unknown) {
    logger.debug(`Scheduler connection error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
