import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { StringSelectMenuInteraction } from 'discord.js';
import { respond } from 'mellow';
import { service } from '../lib/actions';
import { asUpdate, manageReply } from '../lib/format';
import { refuseOthersList } from '../lib/listOwner';

/** Picking a reminder in the list (`reminders.pick:<owner>`) shows it with its buttons. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersPick',
  interactionHandlerType: InteractionHandlerTypes.SelectMenu,
})
export class RemindersPickHandler extends InteractionHandler {
  public override parse(interaction: StringSelectMenuInteraction) {
    const [action, ownerId] = interaction.customId.split(':');
    return action === 'reminders.pick' && ownerId
      ? this.some({ ownerId, id: Number(interaction.values[0]) })
      : this.none();
  }

  public override async run(
    interaction: StringSelectMenuInteraction,
    { ownerId, id }: InteractionHandler.ParseResult<this>,
  ) {
    if (await refuseOthersList(interaction, ownerId)) return;
    const found = await service().own(ownerId, id);
    if (!found.ok)
      return respond(interaction, { outcome: 'warning', title: found.title, description: found.description });
    return interaction.update(asUpdate(manageReply(found.value)));
  }
}
