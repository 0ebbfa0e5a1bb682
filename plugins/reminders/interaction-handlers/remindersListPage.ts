import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { service } from '../lib/actions';
import { asUpdate, listReply } from '../lib/format';
import { refuseOthersList } from '../lib/listOwner';

/** Pages of `/remind list` (and "Back to list"): `reminders.list:<owner>:<page>`. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersListPage',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class RemindersListPageHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, ownerId, page] = interaction.customId.split(':');
    return action === 'reminders.list' && ownerId
      ? this.some({ ownerId, page: Math.max(0, Number(page) || 0) })
      : this.none();
  }

  public override async run(interaction: ButtonInteraction, { ownerId, page }: InteractionHandler.ParseResult<this>) {
    if (await refuseOthersList(interaction, ownerId)) return;
    await interaction.update(asUpdate(listReply(await service().list(ownerId, page))));
  }
}
