import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { pluginContext } from 'mellow';
import { CopingCrisisEvent, type DmStatus } from '../entities/CopingCrisisEvent';
import { alertMessage } from './alerts';
import { checkInMessage, claimCheckIn, concernMessage, sendCheckIn } from './checkIn';
import { type Classification, type Level, classify, explain, shouldAlert, shouldCheckIn } from './classifier';
import { copingConfig } from './config';
import type { GuildDetection } from './detectionState';
import { pruneEventsHourly, recordEvent } from './events';
import { detectionState } from './state';

/**
 * The hot path: runs for every message in guilds where the plugin is on. Everything before the
 * classifier reads memory only; the database is touched only for a message rated medium or above,
 * or one worried about someone else.
 */
export async function inspectMessage(message: Message): Promise<void> {
  if (!message.inGuild() || message.author.bot || message.webhookId || message.system || !message.content) return;
  const guild = detectionState.guild(message.guildId);
  if (!guild || detectionState.isOptedOut(message.author.id)) return;
  const classification = classify(message.content);
  if (shouldCheckIn(classification.level)) await respondToCrisis(message, classification, guild);
  else if (classification.concern) await supportHelper(message, guild);
}

async function respondToCrisis(message: Message<true>, classification: Classification, guild: GuildDetection) {
  const em = pluginContext('coping').em();
  const { level } = classification;
  const reason = explain(classification);
  const recorded = await recordEvent(em, {
    guildId: message.guildId,
    channelId: message.channelId,
    messageId: message.id,
    userId: message.author.id,
    details: {
      level,
      rules: classification.matches.map((match) => match.rule),
      reason,
      ...(guild.retainText ? { text: message.content } : {}),
    },
  });
  if (!recorded) return; // handled already (an edit, or another process)
  const { eventId, escalated } = recorded;
  container.mellow.systemLog.record({
    type: 'crisis',
    guildId: message.guildId,
    userId: message.author.id,
    title: `Possible crisis signs (${level}${escalated ? ', raised by an edit' : ''}) in #${'name' in message.channel ? message.channel.name : message.channelId}`,
    severity: level === 'critical' ? 'critical' : level === 'high' ? 'error' : 'warning',
    metadata: {
      eventId,
      level,
      channelId: message.channelId,
      messageId: message.id,
      rules: classification.matches.map((m) => m.rule),
    },
  });
  pruneEventsHourly(em, copingConfig().COPING_EVENT_RETENTION_DAYS);
  const alertChannelId = shouldAlert(level) ? guild.alertChannelId : null;
  // The first version of the message already had its check-in; an edit that raised it adds the alert.
  if (escalated) {
    if (alertChannelId) await postAlert(eventId, alertChannelId, level, reason);
    return;
  }
  // The alert never waits for the DM, and a failing check-in cannot stop it.
  const [alert, dmStatus] = await Promise.all([
    alertChannelId ? postAlert(eventId, alertChannelId, level, reason) : null,
    checkIn(em, message, guild, alertChannelId !== null).catch((error: unknown): DmStatus => {
      container.logger.warn(`coping: the check-in for crisis event #${eventId} failed`, error);
      return 'failed';
    }),
  ]);
  await em.nativeUpdate(CopingCrisisEvent, { id: eventId }, { dmStatus });
  if (alert) await redrawAlert(alert, eventId, level, reason);
}

async function checkIn(em: EntityManager, message: Message<true>, guild: GuildDetection, alerting: boolean) {
  if (!(await claimCheckIn(em, message.author.id))) return 'cooldown';
  return sendCheckIn(message.author, '💛 Checking in', checkInMessage(message.guild.name, guild.country, alerting));
}

/** Someone worried about another person gets ways to help, under the same cooldown; no record, no alert. */
async function supportHelper(message: Message<true>, guild: GuildDetection) {
  if (!(await claimCheckIn(pluginContext('coping').em(), message.author.id))) return;
  await sendCheckIn(
    message.author,
    '💛 Helping someone you care about',
    concernMessage(message.guild.name, guild.country),
  );
}

/** Posts the alert and stores where it went; null when it could not be posted (staff are told in the system log). */
async function postAlert(eventId: number, channelId: string, level: Level, reason: string): Promise<Message | null> {
  const em = pluginContext('coping').em();
  const event = await em.findOneOrFail(CopingCrisisEvent, eventId);
  let sent: Message;
  try {
    const channel = await container.client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('the alert channel is not a text channel');
    sent = await channel.send(alertMessage(event, level, reason));
  } catch (error) {
    container.logger.warn(`coping: could not post crisis alert #${eventId} in channel ${channelId}`, error);
    container.mellow.systemLog.record({
      type: 'crisis',
      guildId: event.guildId,
      title: `Crisis alert #${eventId} could not be posted in the alert channel`,
      severity: 'error',
      description: 'Check that Mellow can view, send messages and embed links in the alert channel (/coping settings).',
      metadata: { eventId, channelId },
    });
    return null;
  }
  await em.nativeUpdate(CopingCrisisEvent, { id: eventId }, { alertChannelId: channelId, alertMessageId: sent.id });
  return sent;
}

/** Redraws a posted alert from the stored event, so it tells moderators what became of the check-in. */
async function redrawAlert(alert: Message, eventId: number, level: Level, reason: string) {
  const event = await pluginContext('coping').em().findOne(CopingCrisisEvent, eventId);
  if (!event) return; // deleted meanwhile (a data deletion request)
  await alert.edit(alertMessage(event, level, reason)).catch((error: unknown) => {
    container.logger.warn(`coping: could not update crisis alert #${eventId}`, error);
  });
}
