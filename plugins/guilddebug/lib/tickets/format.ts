import { ActionRowBuilder, type APIEmbed, ButtonBuilder, ButtonStyle } from 'discord.js';
import { Colors, discordTime, redactor } from 'mellow';
import type { SupportTicket, TicketSeverity, TicketStatus } from '../../entities/SupportTicket';

export const SEVERITY_LABEL: Record<TicketSeverity, string> = {
  critical: '🛑 critical',
  high: '🔴 high',
  medium: '🟠 medium',
  low: '🟢 low',
};

export const STATUS_LABEL: Record<TicketStatus, string> = {
  open: '📬 open',
  acknowledged: '👀 acknowledged',
  resolved: '✅ resolved',
};

/** The ticket as staff see it in the support channel. */
export function staffTicketEmbed(ticket: SupportTicket, guildName: string): APIEmbed {
  return {
    color: ticket.severity === 'critical' || ticket.severity === 'high' ? Colors.error : Colors.info,
    title: `Ticket #${ticket.id}: ${ticket.summary}`.slice(0, 256),
    description: ticket.details.slice(0, 4000),
    fields: [
      { name: 'Server', value: `${guildName} (\`${ticket.guildId}\`)`.slice(0, 1024), inline: true },
      { name: 'Requester', value: `<@${ticket.requesterId}> (\`${ticket.requesterId}\`)`, inline: true },
      { name: 'Severity', value: SEVERITY_LABEL[ticket.severity], inline: true },
      { name: 'Status', value: STATUS_LABEL[ticket.status], inline: true },
      { name: 'Contact', value: ticket.contact ?? '—', inline: true },
      {
        name: 'Staff may join',
        value: ticket.consent ? 'yes, while the ticket is open (`/guilddebug join-guild`)' : 'no',
        inline: true,
      },
      { name: 'Opened', value: discordTime(ticket.createdAt, 'F') },
    ],
  };
}

/** Acknowledge and Resolve, disabled once they no longer apply. */
export function staffButtons(ticket: SupportTicket): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(`guilddebug.ticket:acknowledged:${ticket.id}`)
      .setLabel('Acknowledge')
      .setStyle(ButtonStyle.Primary)
      .setDisabled(ticket.status !== 'open'),
    new ButtonBuilder()
      .setCustomId(`guilddebug.ticket:resolved:${ticket.id}`)
      .setLabel('Resolve')
      .setStyle(ButtonStyle.Success)
      .setDisabled(ticket.status === 'resolved'),
  );
}

/** A message passed on to the other side of a ticket. */
export function relayEmbed(ticket: SupportTicket, from: 'staff' | 'requester', content: string): APIEmbed {
  return {
    color: Colors.info,
    title:
      from === 'staff' ? `Mellow support answered ticket #${ticket.id}` : `The requester answered ticket #${ticket.id}`,
    description: redactor.redact(content).slice(0, 4000),
    footer: {
      text:
        from === 'staff'
          ? `Answer with /guilddebug reply ticket:${ticket.id} message:…`
          : 'Messages you write in this thread are sent to the requester.',
    },
  };
}
