import { ApplyOptions } from '@sapphire/decorators';
import { Events, Listener } from '@sapphire/framework';
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { noMentions } from 'mellow';
import { notices } from '../lib/notices';

/** After any slash command, a user with undelivered reminders is told about them, privately. */
@ApplyOptions<Listener.Options>({ name: 'remindersNotices', event: Events.ChatInputCommandFinish })
export class RemindersNoticesListener extends Listener<typeof Events.ChatInputCommandFinish> {
  public override async run(interaction: ChatInputCommandInteraction) {
    if (!notices.has(interaction.user.id) || !(interaction.replied || interaction.deferred)) return;
    const messages = await notices.take(this.container.mellow.orm.em.fork(), interaction.user.id);
    if (!messages.length) return;
    await interaction.followUp({
      content: `📭 While you were away:\n\n${messages.join('\n\n')}`.slice(0, 2000),
      flags: MessageFlags.Ephemeral,
      ...noMentions,
    });
  }
}
