import { ActionRowBuilder, type APIEmbed, type BaseMessageOptions, ButtonBuilder, ButtonStyle } from 'discord.js';
import { Colors, discordTime, noMentions } from 'mellow';
import type { AlertOutcome, CopingCrisisEvent, DmStatus } from '../entities/CopingCrisisEvent';
import type { Level } from './classifier';

export const ALERT_ACK = 'coping.alert.ack';
export const ALERT_FALSE = 'coping.alert.false';

export const messageLink = (event: Pick<CopingCrisisEvent, 'guildId' | 'channelId' | 'messageId'>) =>
  `https://discord.com/channels/${event.guildId}/${event.channelId}/${event.messageId}`;

/** What became of the member's check-in DM, said plainly so moderators know whether to reach out. */
const DM_TEXT: Record<DmStatus, string> = {
  none: 'A private check-in with support lines is on its way to them.',
  sent: 'They got a private check-in with support lines.',
  cooldown: 'They got a check-in DM in the last few hours, so no new one was sent: consider reaching out.',
  closed: 'They could not be reached by DM (DMs closed): consider reaching out.',
  failed: 'The check-in DM could not be sent: consider reaching out.',
};

const OUTCOME_TEXT: Record<AlertOutcome, string> = {
  ack: 'is on it',
  false_alarm: 'marked this a false alarm',
};

/**
 * The alert staff see: who, where, a link and why, never the message text. Mentions in it are
 * shown as names but ping nobody (allowedMentions is empty).
 */
export function alertMessage(event: CopingCrisisEvent, level: Level | null, reason: string | null): BaseMessageOptions {
  const handled = event.handledAt && event.outcome;
  const embed: APIEmbed = {
    color: handled ? Colors.success : level === 'critical' ? Colors.error : Colors.warning,
    title: handled ? 'Someone may need support (handled)' : 'Someone may need support',
    description:
      'A message here may show signs of crisis. Please reach out with care: a kind, private message is usually best. ' +
      `Nothing was done to the message or the member. ${DM_TEXT[event.dmStatus]}`,
    fields: [
      { name: 'Level', value: level ? level[0]!.toUpperCase() + level.slice(1) : 'unknown', inline: true },
      { name: 'Member', value: `<@${event.userId}>`, inline: true },
      { name: 'Where', value: `<#${event.channelId}> · [jump to the message](${messageLink(event)})`, inline: true },
      { name: 'When', value: discordTime(event.createdAt, 'R'), inline: true },
      ...(reason ? [{ name: 'Why', value: reason.slice(0, 1024) }] : []),
      ...(handled
        ? [
            {
              name: 'Handled',
              value: `<@${event.handledBy}> ${OUTCOME_TEXT[event.outcome!]} ${discordTime(event.handledAt!, 'R')}`,
            },
          ]
        : []),
    ],
    footer: { text: `Crisis event #${event.id}. Mellow never deletes, mutes or punishes on its own.` },
  };
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(`${ALERT_ACK}:${event.id}`)
      .setLabel("I'm on it")
      .setStyle(ButtonStyle.Primary)
      .setDisabled(Boolean(handled)),
    new ButtonBuilder()
      .setCustomId(`${ALERT_FALSE}:${event.id}`)
      .setLabel('False alarm')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(Boolean(handled)),
  );
  return { embeds: [embed], components: [buttons], ...noMentions };
}
