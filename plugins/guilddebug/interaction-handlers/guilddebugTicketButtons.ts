import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { respond } from 'mellow';
import { changeTicketStatus } from '../lib/tickets/staffActions';

@ApplyOptions<InteractionHandler.Options>({
  name: 'guilddebugTicketButtons',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class GuilddebugTicketButtonsHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, status, id] = interaction.customId.split(':');
    if (action !== 'guilddebug.ticket' || (status !== 'acknowledged' && status !== 'resolved')) return this.none();
    return this.some({ status: status as 'acknowledged' | 'resolved', ticketId: Number(id) });
  }

  public override async run(
    interaction: ButtonInteraction,
    { status, ticketId }: InteractionHandler.ParseResult<this>,
  ) {
    const refusal = await changeTicketStatus(interaction, ticketId, status);
    if (refusal) await respond(interaction, refusal);
  }
}
