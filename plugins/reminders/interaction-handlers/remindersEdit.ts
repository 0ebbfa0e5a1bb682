import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { type ButtonInteraction, ComponentType, TextInputStyle } from 'discord.js';
import { respond } from 'mellow';
import { service } from '../lib/actions';

/** The Edit button opens a form with the reminder's text; the time field is left empty to keep the time. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersEdit',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class RemindersEditHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, id] = interaction.customId.split(':');
    return action === 'reminders.edit' ? this.some(Number(id)) : this.none();
  }

  public override async run(interaction: ButtonInteraction, id: InteractionHandler.ParseResult<this>) {
    const found = await service().own(interaction.user.id, id);
    if (!found.ok)
      return respond(interaction, { outcome: 'warning', title: found.title, description: found.description });
    return interaction.showModal({
      custom_id: `reminders.editModal:${id}`,
      title: `Edit reminder #${id}`,
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.TextInput,
              custom_id: 'when',
              label: 'New time (empty: keep it)',
              style: TextInputStyle.Short,
              required: false,
              max_length: 200,
              placeholder: "e.g. 'tomorrow 9am' or 'every monday 10:00'",
            },
          ],
        },
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.TextInput,
              custom_id: 'what',
              label: 'Text',
              style: TextInputStyle.Paragraph,
              required: true,
              max_length: 4000,
              value: found.value.text,
            },
          ],
        },
      ],
    });
  }
}
