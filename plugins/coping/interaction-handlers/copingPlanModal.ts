import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ModalSubmitInteraction } from 'discord.js';
import { pluginContext, respond } from 'mellow';
import { PLAN_SECTIONS } from '../lib/content';
import { type PlanContent, isEmptyPlan, savePlan } from '../lib/plan';
import { PLAN_MODAL, viewPlanReply } from '../lib/planReplies';

@ApplyOptions<InteractionHandler.Options>({
  name: 'copingPlanModal',
  interactionHandlerType: InteractionHandlerTypes.ModalSubmit,
})
export class CopingPlanModalHandler extends InteractionHandler {
  public override parse(interaction: ModalSubmitInteraction) {
    return interaction.customId === PLAN_MODAL ? this.some() : this.none();
  }

  public override async run(interaction: ModalSubmitInteraction) {
    const content = Object.fromEntries(
      PLAN_SECTIONS.map((section) => [section, interaction.fields.getTextInputValue(section).trim()]),
    ) as PlanContent;
    if (isEmptyPlan(content)) {
      return respond(interaction, {
        outcome: 'warning',
        title: 'Your plan is empty',
        description:
          'Nothing was saved. Fill in at least one part; `/plan suggest` has ideas. To delete your plan, use `/plan remove`.',
      });
    }
    const em = pluginContext('coping').em();
    await savePlan(em, interaction.user.id, content);
    const view = await viewPlanReply(em, interaction.user.id);
    return respond(interaction, { ...view, outcome: 'success', title: 'Plan saved 🗺️' });
  }
}
