import { container } from '@sapphire/framework';
import { parseDate } from 'chrono-node';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { FilterQuery } from '@mikro-orm/core';
import {
  discordTime,
  redactor,
  type ReplyContent,
  SystemLog,
  type SystemLogSeverity,
  systemLogSeverities,
  systemLogTypes,
} from 'mellow';

export const logTypes = ['all', ...systemLogTypes] as const;
export type LogType = (typeof logTypes)[number];
export const logSeverities = ['all', ...systemLogSeverities] as const;
export type LogSeverity = (typeof logSeverities)[number];

export interface LogQuery {
  guildId: string;
  type: LogType;
  /** The lowest severity shown. */
  severity: LogSeverity;
  since: Date | null;
  limit: number;
  /** Paging cursor: rows older than (`o`) or newer than (`n`) this id. */
  cursor: { direction: 'o' | 'n'; id: string } | null;
  /** Crisis entries are for staff and the guild's admins only. */
  includeCrisis: boolean;
}

export const MAX_LIMIT = 25;
const DURATION = /^(\d{1,4})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "24h", "7d", "30 minutes", or a date chrono understands ("yesterday", "2026-03-01"). */
export function parseSince(text: string, now = new Date()): Date | { error: string } {
  const trimmed = text.trim();
  const duration = DURATION.exec(trimmed);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2][0].toLowerCase()]);
  const date = parseDate(trimmed, now, { forwardDate: false });
  if (!date)
    return { error: `I could not read "${trimmed.slice(0, 50)}" as a time. Try \`24h\`, \`7d\` or \`yesterday\`.` };
  if (date > now) return { error: 'That time is in the future. Try `24h`, `7d` or `yesterday`.' };
  return date;
}

function filterOf(query: LogQuery): FilterQuery<SystemLog> {
  const wanted = query.type === 'all' ? systemLogTypes : [query.type];
  const filter: FilterQuery<SystemLog> & Record<string, unknown> = {
    guildId: query.guildId,
    type: { $in: wanted.filter((type) => query.includeCrisis || type !== 'crisis') },
  };
  if (query.severity !== 'all') {
    filter.severity = { $in: systemLogSeverities.slice(systemLogSeverities.indexOf(query.severity)) };
  }
  if (query.since) filter.createdAt = { $gte: query.since };
  if (query.cursor) filter.id = { [query.cursor.direction === 'o' ? '$lt' : '$gt']: query.cursor.id };
  return filter;
}

export interface LogPage {
  rows: SystemLog[];
  hasOlder: boolean;
  hasNewer: boolean;
}

/** One page of a guild's system log, newest first. */
export async function readLogPage(query: LogQuery): Promise<LogPage> {
  const em = container.mellow.orm.em.fork();
  const newerPage = query.cursor?.direction === 'n';
  const found = await em.find(SystemLog, filterOf(query), {
    orderBy: { id: newerPage ? 'asc' : 'desc' },
    limit: query.limit + 1,
  });
  const more = found.length > query.limit;
  const rows = found.slice(0, query.limit);
  if (newerPage) rows.reverse();
  return {
    rows,
    hasOlder: newerPage ? true : more,
    hasNewer: newerPage ? more : query.cursor !== null,
  };
}

const SEVERITY_MARK: Record<SystemLogSeverity, string> = { info: 'ℹ️', warning: '⚠️', error: '❌', critical: '🛑' };

/** A row as one line: time, severity, type, title and who. Never the description or metadata. */
function line(row: SystemLog): string {
  const reference = typeof row.metadata?.reference === 'string' ? ` (ref \`${row.metadata.reference}\`)` : '';
  const who = row.userId ? ` · <@${row.userId}>` : '';
  return `${SEVERITY_MARK[row.severity]} ${discordTime(row.createdAt, 'f')} **${row.type}** ${redactor.redact(row.title)}${who}${reference}`;
}

const encodeSince = (since: Date | null) => (since ? Math.floor(since.getTime() / 1000).toString(36) : '-');
const decodeSince = (text: string) => (text === '-' ? null : new Date(parseInt(text, 36) * 1000));

/** `guilddebug.logs:<guild>:<type>:<severity>:<since>:<limit>:<o|n><id>`, under Discord's 100 characters. */
export function pageCustomId(query: LogQuery, direction: 'o' | 'n', id: string): string {
  return `guilddebug.logs:${query.guildId}:${query.type}:${query.severity}:${encodeSince(query.since)}:${query.limit}:${direction}${id}`;
}

export function parsePageCustomId(customId: string): Omit<LogQuery, 'includeCrisis'> | null {
  const [prefix, guildId, type, severity, since, limit, cursor] = customId.split(':');
  if (prefix !== 'guilddebug.logs' || !cursor) return null;
  if (!(logTypes as readonly string[]).includes(type) || !(logSeverities as readonly string[]).includes(severity))
    return null;
  return {
    guildId,
    type: type as LogType,
    severity: severity as LogSeverity,
    since: decodeSince(since),
    limit: Math.min(MAX_LIMIT, Math.max(1, Number(limit) || 10)),
    cursor: { direction: cursor[0] === 'n' ? 'n' : 'o', id: cursor.slice(1) },
  };
}

export function formatLogPage(query: LogQuery, page: LogPage): ReplyContent {
  const filters = [
    query.type === 'all' ? 'all types' : query.type,
    query.severity === 'all' ? 'any severity' : `${query.severity} and worse`,
    query.since ? `since ${discordTime(query.since, 'f')}` : null,
  ].filter(Boolean);
  const older = new ButtonBuilder()
    .setCustomId(pageCustomId(query, 'o', page.rows.at(-1)?.id ?? '0'))
    .setLabel('◀ Older')
    .setStyle(ButtonStyle.Secondary)
    .setDisabled(!page.hasOlder || page.rows.length === 0);
  const newer = new ButtonBuilder()
    .setCustomId(pageCustomId(query, 'n', page.rows[0]?.id ?? '0'))
    .setLabel('Newer ▶')
    .setStyle(ButtonStyle.Secondary)
    .setDisabled(!page.hasNewer || page.rows.length === 0);
  return {
    outcome: 'info',
    title: 'System log',
    description: [
      `Filters: ${filters.join(' · ')}`,
      '',
      ...(page.rows.length === 0 ? ['No entries match.'] : page.rows.map(line)),
    ].join('\n'),
    extra: { components: [new ActionRowBuilder<ButtonBuilder>().addComponents(older, newer)] },
  };
}
