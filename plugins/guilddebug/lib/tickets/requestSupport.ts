import { container } from '@sapphire/framework';
import {
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitInteraction,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { ReplyContent } from 'mellow';
import { ticketSeverities, type TicketSeverity } from '../../entities/SupportTicket';
import { guilddebug } from '../config';
import { deliverTicket } from './delivery';
import { SEVERITY_LABEL } from './format';
import { openTicket } from './TicketService';
import { limitRefusal } from './limits';

export const SUPPORT_MODAL_ID = 'guilddebug.support';

/** The request form. Only server admins are asked for consent: members can't speak for the server. */
export function supportModal(managesServer: boolean): ModalBuilder {
  const modal = new ModalBuilder()
    .setCustomId(SUPPORT_MODAL_ID)
    .setTitle('Ask Mellow support')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('What is wrong, in one line?')
        .setTextInputComponent(
          new TextInputBuilder().setCustomId('summary').setStyle(TextInputStyle.Short).setMaxLength(100),
        ),
      new LabelBuilder()
        .setLabel('Details')
        .setDescription('What you did, what happened, since when. Never paste tokens or passwords.')
        .setTextInputComponent(
          new TextInputBuilder().setCustomId('details').setStyle(TextInputStyle.Paragraph).setMaxLength(1500),
        ),
      new LabelBuilder()
        .setLabel('Severity')
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder()
            .setCustomId('severity')
            .addOptions(ticketSeverities.map((value) => ({ label: SEVERITY_LABEL[value], value }))),
        ),
      new LabelBuilder()
        .setLabel('How to reach you (optional)')
        .setDescription('Answers come by DM anyway; add an email or another contact if you like.')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId('contact')
            .setStyle(TextInputStyle.Short)
            .setMaxLength(200)
            .setRequired(false),
        ),
    );
  if (managesServer) {
    modal.addLabelComponents(
      new LabelBuilder()
        .setLabel('Let staff join this server temporarily?')
        .setDescription('A one-use invite valid 24 h, only while this ticket is open. Logged here.')
        .setStringSelectMenuComponent(
          new StringSelectMenuBuilder()
            .setCustomId('consent')
            .addOptions(
              { label: 'No', value: 'no', default: true },
              { label: 'Yes, while the ticket is open', value: 'yes' },
            ),
        ),
    );
  }
  return modal;
}

/** Checked before the form opens, so nobody fills it in for nothing; checked again on submit. */
export async function requestRefusal(guildId: string, userId: string): Promise<ReplyContent | null> {
  const context = guilddebug();
  return limitRefusal(context.em(), context.config, guildId, userId);
}

const selected = (interaction: ModalSubmitInteraction, id: string): string | undefined => {
  try {
    return interaction.fields.getStringSelectValues(id)[0];
  } catch {
    return undefined;
  }
};

/** Stores the request, then posts it to the support server when one is configured. */
export async function submitSupportRequest(
  interaction: ModalSubmitInteraction,
  managesServer: boolean,
): Promise<ReplyContent> {
  const context = guilddebug();
  const severity = selected(interaction, 'severity');
  if (!severity || !(ticketSeverities as readonly string[]).includes(severity)) {
    return {
      outcome: 'error',
      title: 'Pick a severity',
      description: 'Run `/guilddebug request-support` again and choose one.',
    };
  }
  const summary = interaction.fields.getTextInputValue('summary');
  const details = interaction.fields.getTextInputValue('details');
  if (!summary.trim() || !details.trim()) {
    return {
      outcome: 'error',
      title: 'Describe the problem',
      description: 'The summary and the details need some text. Run `/guilddebug request-support` again.',
    };
  }
  const opened = await openTicket(context.em(), context.config, {
    guildId: interaction.guildId!,
    requesterId: interaction.user.id,
    summary,
    details,
    severity: severity as TicketSeverity,
    contact: interaction.fields.getTextInputValue('contact') || null,
    consent: managesServer && selected(interaction, 'consent') === 'yes',
  });
  if (!opened.ticket) return opened.refusal;
  const { ticket } = opened;
  container.mellow.systemLog.record({
    type: 'support',
    title: `Support requested: ticket #${ticket.id} (${ticket.severity})`,
    guildId: ticket.guildId,
    userId: ticket.requesterId,
    metadata: { ticketId: ticket.id, severity: ticket.severity, consent: ticket.consent },
  });
  const delivery = await deliverTicket(ticket.id);
  const follow = `Add details with \`/guilddebug reply ticket:${ticket.id}\`; staff answers reach you by DM (or in this server's log channel when your DMs are closed).`;
  if (delivery === 'posted') {
    return { outcome: 'success', title: `Ticket #${ticket.id} sent to Mellow support`, description: follow };
  }
  return {
    outcome: 'warning',
    title: `Ticket #${ticket.id} saved, not yet sent`,
    description:
      delivery === 'not-configured'
        ? `This bot has no support server set up, so nobody was notified yet. Your request is kept and goes out as soon as the bot's operator sets one up; you may also contact them directly. ${follow}`
        : `Mellow could not reach its support server just now. Your request is kept and sent automatically when it can be. ${follow}`,
  };
}
