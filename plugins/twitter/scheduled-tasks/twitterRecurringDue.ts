import { ApplyOptions } from '@sapphire/decorators';
import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { twitterContext } from '../lib/config';
import { fireRecurring } from '../lib/recurring';

interface TwitterRecurringDuePayload {
  guildId: string;
  recurringId: number;
  at: number;
}

/** A daily tip's or weekly update's time has come. */
@ApplyOptions<ScheduledTask.Options>({ name: 'twitterRecurringDue' })
export class TwitterRecurringDueTask extends ScheduledTask {
  public override async run({ recurringId, at }: TwitterRecurringDuePayload) {
    await fireRecurring(twitterContext().em(), recurringId, at);
  }
}

declare module '@sapphire/plugin-scheduled-tasks' {
  interface ScheduledTasks {
    twitterRecurringDue: TwitterRecurringDuePayload;
  }
}
