import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { respond } from 'mellow';
import { NOT_YOURS, asMessage } from '../lib/commandKit';
import { GROUNDING_STEP, groundingStep } from '../lib/grounding';

@ApplyOptions<InteractionHandler.Options>({
  name: 'copingGroundingStep',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class CopingGroundingStepHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, step, userId] = interaction.customId.split(':');
    return action === GROUNDING_STEP && userId ? this.some({ step: Number(step), userId }) : this.none();
  }

  public override async run(interaction: ButtonInteraction, { step, userId }: { step: number; userId: string }) {
    if (interaction.user.id !== userId) return respond(interaction, NOT_YOURS);
    return interaction.update(asMessage(groundingStep(userId, step)));
  }
}
