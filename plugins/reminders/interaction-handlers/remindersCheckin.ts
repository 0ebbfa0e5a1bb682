import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { respond } from 'mellow';
import { type CheckinAnswer, checkinReply, stopCheckins } from '../lib/checkins';

const ANSWERS = ['good', 'okay', 'low', 'off'] as const;

/** The buttons of a check-in prompt. Answers are not stored. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersCheckin',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class RemindersCheckinHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, answer] = interaction.customId.split(':');
    return action === 'reminders.checkin' && ANSWERS.includes(answer as (typeof ANSWERS)[number])
      ? this.some(answer as (typeof ANSWERS)[number])
      : this.none();
  }

  public override async run(interaction: ButtonInteraction, answer: InteractionHandler.ParseResult<this>) {
    const em = this.container.mellow.orm.em.fork();
    if (answer === 'off') {
      await stopCheckins(em, interaction.user.id);
      return respond(interaction, {
        outcome: 'success',
        title: 'Check-ins are off',
        description: 'Turn them on again with `/checkin reminders on`.',
      });
    }
    const reply = await checkinReply(em, interaction.user.id, answer as CheckinAnswer);
    return respond(interaction, { outcome: 'info', ...reply });
  }
}
