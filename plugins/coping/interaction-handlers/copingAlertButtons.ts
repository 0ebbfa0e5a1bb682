import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { type ButtonInteraction, PermissionFlagsBits } from 'discord.js';
import { isOwner, pluginContext, respond } from 'mellow';
import { type AlertOutcome, CopingCrisisEvent } from '../entities/CopingCrisisEvent';
import { ALERT_ACK, ALERT_FALSE, alertMessage } from '../lib/alerts';
import { eventDetails, markHandled } from '../lib/events';

/**
 * "I'm on it" / "False alarm" on a crisis alert. Moderators only: members who can Manage Messages
 * or Manage Server (or bot owners). The first click wins and is recorded; the buttons then close.
 */
@ApplyOptions<InteractionHandler.Options>({
  name: 'copingAlertButtons',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class CopingAlertButtonsHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, id] = interaction.customId.split(':');
    const outcome: AlertOutcome | null = action === ALERT_ACK ? 'ack' : action === ALERT_FALSE ? 'false_alarm' : null;
    return outcome && /^\d+$/.test(id ?? '') ? this.some({ outcome, eventId: Number(id) }) : this.none();
  }

  public override async run(
    interaction: ButtonInteraction,
    { outcome, eventId }: { outcome: AlertOutcome; eventId: number },
  ) {
    const permissions = interaction.memberPermissions;
    const moderator =
      Boolean(permissions?.any([PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ManageGuild])) ||
      isOwner(interaction.user.id, this.container.mellow.config.ownerIds);
    if (!moderator) {
      return respond(interaction, {
        outcome: 'error',
        title: 'Only moderators can respond to alerts',
        description: 'This needs the **Manage Messages** or **Manage Server** permission.',
      });
    }
    const em = pluginContext('coping').em();
    // Scoped to this guild: a custom id naming another guild's event changes nothing.
    const where = { guildId: interaction.guildId!, eventId };
    const won = await markHandled(em, where, outcome, interaction.user.id);
    const event = await em.findOne(CopingCrisisEvent, { id: eventId, guildId: where.guildId });
    if (!event) {
      return respond(interaction, {
        outcome: 'warning',
        title: 'This alert is gone',
        description: 'Its record was deleted (retention or a data deletion request).',
      });
    }
    const details = eventDetails(event);
    await interaction.update(alertMessage(event, details?.level ?? null, details?.reason ?? null));
    if (won) {
      this.container.mellow.systemLog.record({
        type: 'crisis',
        guildId: event.guildId,
        userId: interaction.user.id,
        title:
          outcome === 'ack'
            ? `Crisis alert #${eventId}: a moderator is on it`
            : `Crisis alert #${eventId} marked a false alarm`,
        severity: 'info',
        metadata: { eventId, outcome },
      });
    }
  }
}
