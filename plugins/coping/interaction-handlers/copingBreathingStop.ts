import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { BREATHING_STOP, breathingSessions, endMessage } from '../lib/breathing';

@ApplyOptions<InteractionHandler.Options>({
  name: 'copingBreathingStop',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class CopingBreathingStopHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, id] = interaction.customId.split(':');
    return action === BREATHING_STOP && id ? this.some(id) : this.none();
  }

  public override async run(interaction: ButtonInteraction, id: string) {
    await interaction.deferUpdate();
    // Waits for an edit in flight, so "Stopped" is the last thing the user sees.
    await breathingSessions.stop(id);
    await interaction.editReply(endMessage('stopped'));
  }
}
