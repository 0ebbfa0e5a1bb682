import { ApplyOptions } from '@sapphire/decorators';
import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { remindersConfig } from '../lib/config';
import { deliverWhenDue, dispatcher } from '../lib/delivery/deliver';
import { recoverIfStillStuck } from '../lib/delivery/recover';
import type { ReminderDuePayload } from '../lib/schedule';

/** One occurrence came due. Hands it to the delivery pool at once: the worker runs one job at a time. */
@ApplyOptions<ScheduledTask.Options>({ name: 'remindersDue' })
export class RemindersDueTask extends ScheduledTask {
  public override run({ reminderId, dueAt, recover }: ReminderDuePayload) {
    if (recover) recoverIfStillStuck(reminderId, dueAt, remindersConfig().REMINDERS_SENDING_LEASE_SECONDS * 1000);
    else deliverWhenDue(reminderId, dueAt);
  }

  public override onUnload() {
    dispatcher.stop();
    return super.onUnload();
  }
}
