import { ApplyOptions } from '@sapphire/decorators';
import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { remindersConfig } from '../lib/config';
import { notices } from '../lib/notices';
import { purgeFinished, recoverAbandoned } from '../lib/reconcile';

/**
 * Every few minutes: finish work a dead process left (stale claims, overdue rows without a job), forget
 * long-delivered reminders, and learn of notices other processes left.
 */
@ApplyOptions<ScheduledTask.Options>({ name: 'remindersCleanup', interval: 10 * 60_000 })
export class RemindersCleanupTask extends ScheduledTask {
  public override async run() {
    const em = this.container.mellow.orm.em.fork();
    await recoverAbandoned(em, remindersConfig());
    await purgeFinished(em, remindersConfig());
    await notices.refresh(em);
  }
}
