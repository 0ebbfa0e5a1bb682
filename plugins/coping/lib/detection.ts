import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { DiscordAPIError, type Message, RESTJSONErrorCodes } from 'discord.js';
import { noMentions, outcomeEmbed, pluginContext } from 'mellow';
import { CopingCrisisEvent, type DmStatus } from '../entities/CopingCrisisEvent';
import { alertMessage } from './alerts';
import { type Classification, type Level, classify, explain, shouldAlert, shouldCheckIn } from './classifier';
import { copingConfig } from './config';
import type { GuildDetection } from './detectionState';
import { pruneEvents, recordEvent } from './events';
import { resourcesText } from './resources';
import { detectionState } from './state';

/**
 * The hot path: runs for every message in guilds where the plugin is on. Everything before the
 * classifier reads memory only; the database is touched only for a message rated medium or above.
 */
export async function inspectMessage(message: Message): Promise<void> {
  if (!message.inGuild() || message.author.bot || message.webhookId || message.system || !message.content) return;
  const guild = detectionState.guild(message.guildId);
  if (!guild || detectionState.isOptedOut(message.author.id)) return;
  const classification = classify(message.content);
  if (!shouldCheckIn(classification.level)) return;
  await respondToCrisis(message, classification, guild);
}

async function respondToCrisis(message: Message<true>, classification: Classification, guild: GuildDetection) {
  const em = pluginContext('coping').em();
  const { level } = classification;
  const reason = explain(classification);
  const eventId = await recordEvent(em, {
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
  if (eventId === null) return; // this message was already handled (an edit, or another process)
  container.mellow.systemLog.record({
    type: 'crisis',
    guildId: message.guildId,
    userId: message.author.id,
    title: `Possible crisis signs (${level}) in #${'name' in message.channel ? message.channel.name : message.channelId}`,
    severity: level === 'critical' ? 'critical' : level === 'high' ? 'error' : 'warning',
    metadata: {
      eventId,
      level,
      channelId: message.channelId,
      messageId: message.id,
      rules: classification.matches.map((m) => m.rule),
    },
  });
  const alerting = shouldAlert(level) && guild.alertChannelId !== null;
  const dmStatus = await checkIn(em, message, guild, alerting);
  const alert = alerting ? await postAlert(em, eventId, guild.alertChannelId!, level, reason) : null;
  await em.nativeUpdate(CopingCrisisEvent, { id: eventId }, { dmStatus, ...alert });
  void pruneEvents(em, copingConfig().COPING_EVENT_RETENTION_DAYS).catch(() => undefined);
}

/** Takes the user's check-in slot if the cooldown has passed; atomic, so it holds across processes. */
async function claimCheckIn(em: EntityManager, userId: string): Promise<boolean> {
  const seconds = copingConfig().COPING_DM_COOLDOWN_HOURS * 3600;
  const rows = await em.getConnection().execute<unknown[]>(
    `insert into "coping_dm_cooldown" ("user_id", "last_sent_at") values (?, now())
     on conflict ("user_id") do update set "last_sent_at" = excluded."last_sent_at"
     where "coping_dm_cooldown"."last_sent_at" <= now() - make_interval(secs => ?)
     returning "user_id"`,
    [userId, seconds],
  );
  return rows.length > 0;
}

export function checkInMessage(guildName: string, country: string | null, alerting: boolean): string {
  return [
    `Something you wrote in **${guildName}** made me want to check in with you. You're not in trouble, and nothing was done to your message.`,
    '',
    "If things feel heavy right now, you don't have to carry it alone. Talking to someone you trust (a friend, someone in your family, a doctor or a counsellor) can really help. These services are free and confidential, and they are there to listen:",
    '',
    resourcesText(country),
    '',
    'If you want something for this moment, `/breathing` and `/grounding` are here for you.',
    ...(alerting
      ? ['', 'The server’s moderators have also been told, so someone there may reach out to you kindly.']
      : []),
    '',
    'If I got this wrong, sorry for the interruption. You can turn these check-ins off with `/coping optout`.',
  ].join('\n');
}

async function checkIn(
  em: EntityManager,
  message: Message<true>,
  guild: GuildDetection,
  alerting: boolean,
): Promise<DmStatus> {
  if (!(await claimCheckIn(em, message.author.id))) return 'cooldown';
  try {
    await message.author.send({
      embeds: [outcomeEmbed('info', '💛 Checking in', checkInMessage(message.guild.name, guild.country, alerting))],
      ...noMentions,
    });
    return 'sent';
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser)
      return 'closed';
    container.logger.warn('coping: could not send a check-in DM', error);
    return 'failed';
  }
}

async function postAlert(em: EntityManager, eventId: number, channelId: string, level: Level, reason: string) {
  const event = await em.findOneOrFail(CopingCrisisEvent, eventId);
  try {
    const channel = await container.client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('the alert channel is not a text channel');
    const sent = await channel.send(alertMessage(event, level, reason));
    return { alertChannelId: channelId, alertMessageId: sent.id };
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
}
