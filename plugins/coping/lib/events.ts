import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { z } from 'zod';
import { type AlertOutcome, CopingCrisisEvent } from '../entities/CopingCrisisEvent';
import { LEVELS } from './classifier';
import { SEALED, openOrNull, seal } from './secrets';

const detailsSchema = z.object({
  level: z.enum(LEVELS),
  rules: z.array(z.string()),
  reason: z.string(),
  text: z.string().optional(),
});

export type EventDetails = z.output<typeof detailsSchema>;

export const sealDetails = (details: EventDetails) => seal(JSON.stringify(details), SEALED.event);

/** The sealed details, or null when they can't be opened (an old key that is gone). */
export function eventDetails(event: CopingCrisisEvent): EventDetails | null {
  const text = openOrNull(event.details, SEALED.event);
  if (text === null) return null;
  const parsed = detailsSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export interface NewEvent {
  guildId: string;
  channelId: string;
  messageId: string;
  userId: string;
  details: EventDetails;
}

export interface RecordedEvent {
  eventId: number;
  /** An edit raised an event that had no alert due to a level that alerts. */
  escalated: boolean;
}

/**
 * Records a flagged message, and says whether it needs acting on: null means it was handled
 * already. The unique message id makes this the single place that decides, across edits and
 * processes. An edit only counts when it raises a medium event (check-in, no alert) to high or
 * critical with no alert posted, so a message is never alerted twice.
 */
export async function recordEvent(em: EntityManager, event: NewEvent): Promise<RecordedEvent | null> {
  const rows = await em.getConnection().execute<{ id: number; inserted: boolean }[]>(
    `insert into "coping_crisis_event" ("guild_id", "channel_id", "message_id", "user_id", "level", "details", "dm_status", "created_at")
     values (?, ?, ?, ?, ?, ?, 'none', now())
     on conflict ("message_id") do update set "level" = excluded."level", "details" = excluded."details"
     where "coping_crisis_event"."level" = 'medium' and excluded."level" in ('high', 'critical')
       and "coping_crisis_event"."alert_message_id" is null
     returning "id", ("xmax" = 0) as "inserted"`,
    [event.guildId, event.channelId, event.messageId, event.userId, event.details.level, sealDetails(event.details)],
  );
  const [row] = rows;
  return row ? { eventId: row.id, escalated: !row.inserted } : null;
}

/** Marks an alert of this guild handled unless someone already did; returns whether this click won. */
export async function markHandled(
  em: EntityManager,
  { guildId, eventId }: { guildId: string; eventId: number },
  outcome: AlertOutcome,
  userId: string,
) {
  const changed = await em.nativeUpdate(
    CopingCrisisEvent,
    { id: eventId, guildId, handledAt: null },
    { outcome, handledBy: userId, handledAt: new Date() },
  );
  return changed > 0;
}

export async function pruneEvents(em: EntityManager, retentionDays: number): Promise<number> {
  if (retentionDays <= 0) return 0;
  return em.nativeDelete(CopingCrisisEvent, { createdAt: { $lt: new Date(Date.now() - retentionDays * 86_400_000) } });
}

const PRUNE_EVERY_MS = 3_600_000;
let lastPruned = 0;

/**
 * Retention for long uptimes: reconcile prunes at start, and flagged messages (rare) prune again at
 * most once an hour, never on every message.
 */
export function pruneEventsHourly(em: EntityManager, retentionDays: number): void {
  if (Date.now() - lastPruned < PRUNE_EVERY_MS) return;
  lastPruned = Date.now();
  void pruneEvents(em, retentionDays).catch((error: unknown) =>
    container.logger.warn('coping: could not prune old crisis events', error),
  );
}
