import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { StringSelectMenuInteraction } from 'discord.js';
import { respond } from 'mellow';
import { service } from '../lib/actions';
import { asUpdate, manageReply } from '../lib/format';

/** Picking a reminder in the list shows it with its buttons. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersPick',
  interactionHandlerType: InteractionHandlerTypes.SelectMenu,
})
export class RemindersPickHandler extends InteractionHandler {
  public override parse(interaction: StringSelectMenuInteraction) {
    return interaction.customId === 'reminders.pick' ? this.some(Number(interaction.values[0])) : this.none();
  }

  public override async run(interaction: StringSelectMenuInteraction, id: InteractionHandler.ParseResult<this>) {
    const found = await service().own(interaction.user.id, id);
    if (!found.ok)
      return respond(interaction, { outcome: 'warning', title: found.title, description: found.description });
    return interaction.update(asUpdate(manageReply(found.value)));
  }
}
