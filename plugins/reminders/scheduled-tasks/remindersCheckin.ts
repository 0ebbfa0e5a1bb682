import { ApplyOptions } from '@sapphire/decorators';
import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { deliverCheckin } from '../lib/checkins';
import { dispatcher } from '../lib/delivery/deliver';
import type { CheckinDuePayload } from '../lib/schedule';

/** A user's check-in came due (personal work: no guild in the payload, so no server switch holds it). */
@ApplyOptions<ScheduledTask.Options>({ name: 'remindersCheckin' })
export class RemindersCheckinTask extends ScheduledTask {
  public override run({ userId, dueAt }: CheckinDuePayload) {
    dispatcher.enqueue(() => deliverCheckin(userId, new Date(dueAt)));
  }
}
