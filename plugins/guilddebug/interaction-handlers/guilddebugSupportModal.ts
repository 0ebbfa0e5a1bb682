import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { MessageFlags, type ModalSubmitInteraction, PermissionFlagsBits } from 'discord.js';
import { respond } from 'mellow';
import { SUPPORT_MODAL_ID, submitSupportRequest } from '../lib/tickets/requestSupport';

@ApplyOptions<InteractionHandler.Options>({
  name: 'guilddebugSupportModal',
  interactionHandlerType: InteractionHandlerTypes.ModalSubmit,
})
export class GuilddebugSupportModalHandler extends InteractionHandler {
  public override parse(interaction: ModalSubmitInteraction) {
    return interaction.customId === SUPPORT_MODAL_ID && interaction.guildId ? this.some() : this.none();
  }

  public override async run(interaction: ModalSubmitInteraction) {
    // Posting to the support server and taking the snapshot may outlast Discord's 3 seconds.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const managesServer = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
    await respond(interaction, await submitSupportRequest(interaction, managesServer));
  }
}
