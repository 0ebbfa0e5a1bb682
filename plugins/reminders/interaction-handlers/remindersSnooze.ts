import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { discordTime, respond } from 'mellow';
import { service } from '../lib/actions';
import type { SnoozeChoice } from '../lib/ReminderService';

const CHOICES: SnoozeChoice[] = ['10m', '1h', 'tomorrow'];

@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersSnooze',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class RemindersSnoozeHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, id, choice] = interaction.customId.split(':');
    if (action !== 'reminders.snooze' || !CHOICES.includes(choice as SnoozeChoice)) return this.none();
    return this.some({ id: Number(id), choice: choice as SnoozeChoice });
  }

  public override async run(interaction: ButtonInteraction, { id, choice }: InteractionHandler.ParseResult<this>) {
    const snoozed = await service().snooze(interaction.user.id, id, choice);
    if (!snoozed.ok)
      return respond(interaction, { outcome: 'warning', title: snoozed.title, description: snoozed.description });
    const { dueAt } = snoozed.value;
    return respond(interaction, {
      outcome: 'success',
      title: 'Snoozed',
      description: `I'll remind you again ${discordTime(dueAt, 'F')} (${discordTime(dueAt, 'R')}).`,
    });
  }
}
