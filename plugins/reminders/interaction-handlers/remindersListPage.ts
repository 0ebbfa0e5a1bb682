import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { service } from '../lib/actions';
import { asUpdate, listReply } from '../lib/format';

/** Pages of `/remind list` (and "Back to list"). */
@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersListPage',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class RemindersListPageHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, page] = interaction.customId.split(':');
    return action === 'reminders.list' ? this.some(Math.max(0, Number(page) || 0)) : this.none();
  }

  public override async run(interaction: ButtonInteraction, page: InteractionHandler.ParseResult<this>) {
    await interaction.update(asUpdate(listReply(await service().list(interaction.user.id, page))));
  }
}
