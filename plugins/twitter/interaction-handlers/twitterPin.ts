import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { respond } from 'mellow';
import { actorOf, isAdmin } from '../lib/access';
import { pinModal } from '../lib/modals';

/** "Enter the PIN" of /twitter connect: asks for the PIN X showed. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'twitterPin',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class TwitterPinHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    return interaction.customId === 'twitter.pin' ? this.some() : this.none();
  }

  public override async run(interaction: ButtonInteraction) {
    if (!isAdmin(actorOf(interaction))) {
      return respond(interaction, { outcome: 'error', title: 'Only server admins can connect an account' });
    }
    return interaction.showModal(pinModal());
  }
}
