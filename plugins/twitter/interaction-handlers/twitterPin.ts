import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { ActionRowBuilder, type ButtonInteraction, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { respond } from 'mellow';
import { actorOf, isAdmin } from '../lib/access';

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
    const pin = new TextInputBuilder()
      .setCustomId('pin')
      .setLabel('The PIN X showed you')
      .setStyle(TextInputStyle.Short)
      .setRequired(true)
      .setMinLength(4)
      .setMaxLength(16);
    return interaction.showModal(
      new ModalBuilder()
        .setCustomId('twitter.pinEntered')
        .setTitle('Connect an X account')
        .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(pin)),
    );
  }
}
