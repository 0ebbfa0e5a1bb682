import { container } from '@sapphire/framework';
import type { Guild } from 'discord.js';
import type { ReplyContent } from 'mellow';
import { SupportTicket } from '../entities/SupportTicket';
import { authorize, type GuilddebugActor, type GuilddebugSubcommand } from './access';
import { guilddebug } from './config';
import { databaseReport } from './databaseReport';
import { collectDiagnostics } from './diagnostics/collect';
import { formatDiagnostics } from './diagnostics/format';
import { fetchTargetGuild } from './discordErrors';
import { formatLogPage, type LogSeverity, type LogType, MAX_LIMIT, parseSince, readLogPage } from './logs';
import { settingsView } from './settingsView';
import { joinGuild } from './tickets/joinGuild';
import { relayToStaff } from './tickets/relay';
import { ticketsView } from './tickets/ticketsView';

/** Checks access, finds the guild, then does the work: every guild-scoped subcommand starts here. */
async function onGuild(
  subcommand: GuilddebugSubcommand,
  actor: GuilddebugActor,
  guildIdOption: string | null,
  work: (guild: Guild) => Promise<ReplyContent>,
): Promise<ReplyContent> {
  const targetId = guildIdOption?.trim() || actor.guildId;
  const refusal = authorize(subcommand, actor, targetId);
  if (refusal) return refusal;
  const lookup = await fetchTargetGuild(targetId);
  return lookup.guild ? work(lookup.guild) : lookup.refusal;
}

export const diagnosticsAction = (actor: GuilddebugActor, guildId: string | null) =>
  onGuild('diagnostics', actor, guildId, async (guild) => formatDiagnostics(await collectDiagnostics(guild)));

export const settingsAction = (actor: GuilddebugActor, guildId: string | null) =>
  onGuild('settings', actor, guildId, settingsView);

export const ticketsAction = (actor: GuilddebugActor, guildId: string | null) =>
  onGuild('tickets', actor, guildId, (guild) => ticketsView(actor, guild.id));

export const joinGuildAction = (actor: GuilddebugActor, guildId: string) =>
  onGuild('join-guild', actor, guildId, (guild) => joinGuild(guild, actor.userId));

export async function databaseAction(actor: GuilddebugActor): Promise<ReplyContent> {
  return authorize('database', actor) ?? databaseReport();
}

export interface LogOptions {
  guildId: string | null;
  type: LogType;
  severity: LogSeverity;
  since: string | null;
  limit: number | null;
}

/** Crisis entries: staff, and admins of the guild they belong to. */
export const seesCrisis = (actor: GuilddebugActor, guildId: string) =>
  actor.role === 'staff' || (actor.managesServer && guildId === actor.guildId);

export function logsAction(actor: GuilddebugActor, options: LogOptions): Promise<ReplyContent> {
  return onGuild('logs', actor, options.guildId, async (guild) => {
    const since = options.since ? parseSince(options.since) : null;
    if (since && !(since instanceof Date)) return { outcome: 'error', title: 'Unknown time', description: since.error };
    const query = {
      guildId: guild.id,
      type: options.type,
      severity: options.severity,
      since,
      limit: Math.min(MAX_LIMIT, Math.max(1, options.limit ?? 10)),
      cursor: null,
      includeCrisis: seesCrisis(actor, guild.id),
    };
    return formatLogPage(query, await readLogPage(query));
  });
}

/** The requester (or an admin of their server) adds to a ticket; it goes into the ticket's thread. */
export async function replyAction(actor: GuilddebugActor, ticketId: number, text: string): Promise<ReplyContent> {
  const refusal = authorize('reply', actor);
  if (refusal) return refusal;
  const content = text.trim();
  if (!content) {
    return {
      outcome: 'error',
      title: 'Empty reply',
      description: 'Write a message, for example `/guilddebug reply ticket:12 message:It happens again since 9am`.',
    };
  }
  const ticket = await guilddebug().em().findOne(SupportTicket, { id: ticketId, guildId: actor.guildId });
  const mayAnswer = ticket && (ticket.requesterId === actor.userId || actor.role !== 'member');
  if (!ticket || !mayAnswer) {
    return {
      outcome: 'error',
      title: `No ticket #${ticketId} of yours here`,
      description: 'See your tickets with `/guilddebug tickets`.',
    };
  }
  if (ticket.status === 'resolved') {
    return {
      outcome: 'warning',
      title: `Ticket #${ticket.id} is resolved`,
      description: 'If the problem is back, open a new one with `/guilddebug request-support`.',
    };
  }
  const result = await relayToStaff(ticket, actor.userId, content);
  container.mellow.systemLog.record({
    type: 'support',
    title: `Reply added to ticket #${ticket.id}`,
    guildId: ticket.guildId,
    userId: actor.userId,
    metadata: { ticketId: ticket.id },
  });
  if (result === 'posted') {
    return { outcome: 'success', title: 'Reply sent', description: `Mellow support sees it in ticket #${ticket.id}.` };
  }
  return {
    outcome: 'warning',
    title: 'Reply saved',
    description: ticket.supportThreadId
      ? `Discord did not take it just now. It is kept and reaches the support team in ticket #${ticket.id} as soon as Discord lets us: Mellow tries again with your next reply and whenever it reconnects.`
      : `Ticket #${ticket.id} has not reached the support team yet; your reply goes with it when it does.`,
  };
}
