import { container } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { noMentions, type ReplyContent } from 'mellow';
import type { SupportTicket, TicketStatus } from '../../entities/SupportTicket';
import { isStaff } from '../access';
import { guilddebug } from '../config';
import { staffButtons, staffTicketEmbed } from './format';
import { relayToRequester } from './relay';
import { setTicketStatus } from './TicketService';

const NOTICE: Record<Exclude<TicketStatus, 'open'>, string> = {
  acknowledged: 'Mellow support has seen your ticket and is looking into it.',
  resolved:
    'Mellow support marked your ticket as resolved. If the problem is back, open a new one with `/guilddebug request-support`.',
};

/** Keeps the ticket's post in the support channel in step with its status. */
async function refreshStarter(ticket: SupportTicket): Promise<void> {
  const { config, logger } = guilddebug();
  if (!ticket.supportMessageId || !config.supportChannelId) return;
  try {
    const channel = await container.client.channels.fetch(config.supportChannelId);
    if (!channel?.isTextBased()) return;
    const message = await channel.messages.fetch(ticket.supportMessageId);
    const guildName = message.embeds[0]?.fields.find((f) => f.name === 'Server')?.value.replace(/ \(`\d+`\)$/, '');
    await message.edit({ embeds: [staffTicketEmbed(ticket, guildName ?? ticket.guildId)], ...noMentions });
  } catch (error) {
    logger.debug(`Could not update the post of ticket #${ticket.id}`, { error });
  }
}

/** Acknowledge or Resolve, pressed in the ticket's thread. Staff only. */
export async function changeTicketStatus(
  interaction: ButtonInteraction,
  ticketId: number,
  status: Exclude<TicketStatus, 'open'>,
): Promise<ReplyContent | null> {
  if (!isStaff(interaction.user.id)) {
    return {
      outcome: 'error',
      title: 'Staff only',
      description: 'Only Mellow staff (STAFF_IDS and the bot owners) can acknowledge or resolve tickets.',
    };
  }
  const result = await setTicketStatus(guilddebug().em(), ticketId, status, interaction.user.id);
  if (!result) return { outcome: 'error', title: `Ticket #${ticketId} is gone`, description: 'It was deleted.' };
  await interaction.update({ components: [staffButtons(result.ticket)], ...noMentions });
  if (!result.changed) return null;
  await interaction.followUp({
    content: `Ticket #${ticketId} ${status} by <@${interaction.user.id}>.`,
    ...noMentions,
  });
  await refreshStarter(result.ticket);
  await relayToRequester(result.ticket, interaction.user.id, NOTICE[status]);
  return null;
}
