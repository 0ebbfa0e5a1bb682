import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { pluginContext, respond } from 'mellow';
import { NOT_YOURS, asMessage } from '../lib/commandKit';
import { removePlan } from '../lib/plan';
import { PLAN_KEEP, PLAN_REMOVE } from '../lib/planReplies';

@ApplyOptions<InteractionHandler.Options>({
  name: 'copingPlanRemove',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class CopingPlanRemoveHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, userId] = interaction.customId.split(':');
    return (action === PLAN_REMOVE || action === PLAN_KEEP) && userId
      ? this.some({ remove: action === PLAN_REMOVE, userId })
      : this.none();
  }

  public override async run(interaction: ButtonInteraction, { remove, userId }: { remove: boolean; userId: string }) {
    if (interaction.user.id !== userId) return respond(interaction, NOT_YOURS);
    if (!remove)
      return interaction.update(
        asMessage({ outcome: 'info', title: 'Kept your plan', description: 'Nothing was removed.' }),
      );
    const removed = await removePlan(pluginContext('coping').em(), userId);
    return interaction.update(
      asMessage(
        removed
          ? {
              outcome: 'success',
              title: 'Your plan was removed',
              description: 'You can write a new one any time with `/plan create`.',
            }
          : { outcome: 'info', title: 'There was no plan to remove', description: 'Make one with `/plan create`.' },
      ),
    );
  }
}
