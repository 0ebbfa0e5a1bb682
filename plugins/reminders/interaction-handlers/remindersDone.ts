import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { noMentions, toMessage } from 'mellow';
import { service } from '../lib/actions';

/** Dismisses a delivered reminder and takes the buttons off its message. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersDone',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class RemindersDoneHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, id] = interaction.customId.split(':');
    return action === 'reminders.done' ? this.some(Number(id)) : this.none();
  }

  public override async run(interaction: ButtonInteraction, id: InteractionHandler.ParseResult<this>) {
    // Unscheduling may wait for Redis longer than Discord's 3 s: acknowledge first.
    await interaction.deferUpdate();
    const done = await service().done(interaction.user.id, id);
    if (!done.ok) {
      const refusal = toMessage({ outcome: 'warning', title: done.title, description: done.description });
      return interaction.followUp({ ...refusal, flags: MessageFlags.Ephemeral });
    }
    const note = done.value.rule ? '✅ Done for now; it repeats as planned.' : '✅ Done';
    return interaction.editReply({ content: note, components: [], ...noMentions });
  }
}
