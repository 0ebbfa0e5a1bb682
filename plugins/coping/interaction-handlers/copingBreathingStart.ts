import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { breathingSessions } from '../lib/breathing';
import { asTechnique } from '../lib/commandKit';
import type { Technique } from '../lib/content';
import { BREATHING_START } from '../lib/tools';

/**
 * Starts a guided session. On the user's own private answer it paces that message; on a shared
 * one, whoever presses Start gets their own private session.
 */
@ApplyOptions<InteractionHandler.Options>({
  name: 'copingBreathingStart',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class CopingBreathingStartHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, technique] = interaction.customId.split(':');
    const chosen = asTechnique(technique);
    return action === BREATHING_START && chosen ? this.some(chosen) : this.none();
  }

  public override async run(interaction: ButtonInteraction, technique: Technique) {
    if (interaction.message.flags.has(MessageFlags.Ephemeral)) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await breathingSessions.start(interaction, technique);
  }

  public override onUnload() {
    breathingSessions.stopAll();
    super.onUnload();
  }
}
