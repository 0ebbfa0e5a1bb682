import { ApplyOptions } from '@sapphire/decorators';
import { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { TwitterPost } from '../entities/TwitterPost';
import { twitterContext } from '../lib/config';
import { tellAuthor } from '../lib/notify';
import { publish } from '../lib/publisher';
import { outcomeReply } from '../lib/views';

interface TwitterPostDuePayload {
  guildId: string;
  postId: number;
  /** The time this job was made for; a post moved since then has another job. */
  at: number;
}

/** A queued post's time has come (or its retry's). The row decides; the job only wakes us. */
@ApplyOptions<ScheduledTask.Options>({ name: 'twitterPostDue' })
export class TwitterPostDueTask extends ScheduledTask {
  public override async run({ postId, at }: TwitterPostDuePayload) {
    const em = twitterContext().em();
    const post = await em.findOne(TwitterPost, { id: postId, status: 'scheduled' });
    if (post?.scheduledFor?.getTime() !== at) return;
    const outcome = await publish(em, postId, ['scheduled']);
    if (outcome.kind === 'failed') await tellAuthor(outcome.post, outcomeReply(outcome));
  }
}

declare module '@sapphire/plugin-scheduled-tasks' {
  interface ScheduledTasks {
    twitterPostDue: TwitterPostDuePayload;
  }
}
