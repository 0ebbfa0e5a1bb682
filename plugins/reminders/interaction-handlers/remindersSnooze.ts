import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { discordTime, respond } from 'mellow';
import { service } from '../lib/actions';
import type { SnoozeChoice } from '../lib/snoozeAndDone';

const CHOICES: SnoozeChoice[] = ['10m', '1h', 'tomorrow'];

@ApplyOptions<InteractionHandler.Options>({
  name: 'remindersSnooze',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class RemindersSnoozeHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    // `reminders.snooze:<id>:<choice>:<occurrence ms>`; messages sent before occurrences were named lack the last part.
    const [action, id, choice, occurrence] = interaction.customId.split(':');
    if (action !== 'reminders.snooze' || !CHOICES.includes(choice as SnoozeChoice)) return this.none();
    const at = Number(occurrence);
    return this.some({ id: Number(id), choice: choice as SnoozeChoice, occurrence: at > 0 ? new Date(at) : null });
  }

  public override async run(
    interaction: ButtonInteraction,
    { id, choice, occurrence }: InteractionHandler.ParseResult<this>,
  ) {
    // Rescheduling may wait for Redis longer than Discord's 3 s; `respond` then edits this private reply.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const snoozed = await service().snooze(interaction.user.id, id, choice, occurrence);
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
