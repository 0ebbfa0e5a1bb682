import { ApplyOptions } from '@sapphire/decorators';
import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { twitterContext } from '../lib/config';
import { recoverStuck } from '../lib/schedule';

interface TwitterPostStuckPayload {
  guildId: string;
  postId: number;
  /** The attempt this check is for; a post that finished or started another attempt is left alone. */
  startedAt: number;
}

/** An attempt to post should have come back by now: if it did not, the post is queued again. */
@ApplyOptions<ScheduledTask.Options>({ name: 'twitterPostStuck' })
export class TwitterPostStuckTask extends ScheduledTask {
  public override async run({ postId, startedAt }: TwitterPostStuckPayload) {
    await recoverStuck(twitterContext().em(), postId, startedAt);
  }
}

declare module '@sapphire/plugin-scheduled-tasks' {
  interface ScheduledTasks {
    twitterPostStuck: TwitterPostStuckPayload;
  }
}
