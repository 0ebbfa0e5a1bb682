import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { respond } from 'mellow';
import { service } from '../lib/actions';
import { manageReply } from '../lib/format';

@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersEditModal',
  interactionHandlerType: InteractionHandlerTypes.ModalSubmit,
})
export class RemindersEditModalHandler extends InteractionHandler {
  public override parse(interaction: ModalSubmitInteraction) {
    const [action, id] = interaction.customId.split(':');
    return action === 'reminders.editModal' ? this.some(Number(id)) : this.none();
  }

  public override async run(interaction: ModalSubmitInteraction, id: InteractionHandler.ParseResult<this>) {
    // Rescheduling may wait for Redis longer than Discord's 3 s.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const when = interaction.fields.getTextInputValue('when').trim();
    const what = interaction.fields.getTextInputValue('what');
    const edited = await service().edit(interaction.user.id, id, { when: when || null, what });
    if (!edited.ok)
      return respond(interaction, { outcome: 'error', title: edited.title, description: edited.description });
    return respond(interaction, { ...manageReply(edited.value, `Reminder #${id} changed`), outcome: 'success' });
  }
}
