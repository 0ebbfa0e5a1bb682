import { ApplyOptions } from '@sapphire/decorators';
import { Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { noMentions } from 'mellow';
import { notices } from '../lib/notices';

const hinted = new Set<string>();

/**
 * After a message command: in DMs the notices are shown; in a server only a hint is given, because
 * reminder text is private.
 */
@ApplyOptions<Listener.Options>({ name: 'remindersMessageNotices', event: Events.MessageCommandFinish })
export class RemindersMessageNoticesListener extends Listener<typeof Events.MessageCommandFinish> {
  public override async run(message: Message) {
    if (!notices.has(message.author.id)) return;
    if (message.guildId) {
      // Once per user and process: the notices wait for a private place to be shown.
      if (hinted.has(message.author.id)) return;
      hinted.add(message.author.id);
      await message.reply({
        content:
          '📭 Some of your reminders could not reach you. Use any slash command (such as `/remind list`) to see them privately.',
        ...noMentions,
      });
      return;
    }
    const messages = await notices.take(this.container.mellow.orm.em.fork(), message.author.id);
    if (messages.length)
      await message.reply({
        content: `📭 While you were away:\n\n${messages.join('\n\n')}`.slice(0, 2000),
        ...noMentions,
      });
  }
}
