import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { type AlertOutcome, CopingCrisisEvent } from '../entities/CopingCrisisEvent';
import { LEVELS, type Level } from './classifier';
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

/**
 * Records a flagged message once. The unique message id makes this the single place that decides
 * whether a message was already handled, across edits and across processes: null means it was.
 */
export async function recordEvent(em: EntityManager, event: NewEvent): Promise<number | null> {
  const rows = await em.getConnection().execute<{ id: number }[]>(
    `insert into "coping_crisis_event" ("guild_id", "channel_id", "message_id", "user_id", "details", "dm_status", "created_at")
     values (?, ?, ?, ?, ?, 'none', now()) on conflict ("message_id") do nothing returning "id"`,
    [event.guildId, event.channelId, event.messageId, event.userId, sealDetails(event.details)],
  );
  return rows[0]?.id ?? null;
}

/** Marks an alert handled unless someone already did; returns whether this click won. */
export async function markHandled(em: EntityManager, eventId: number, outcome: AlertOutcome, userId: string) {
  const changed = await em.nativeUpdate(
    CopingCrisisEvent,
    { id: eventId, handledAt: null },
    { outcome, handledBy: userId, handledAt: new Date() },
  );
  return changed > 0;
}

export async function pruneEvents(em: EntityManager, retentionDays: number): Promise<number> {
  if (retentionDays <= 0) return 0;
  return em.nativeDelete(CopingCrisisEvent, { createdAt: { $lt: new Date(Date.now() - retentionDays * 86_400_000) } });
}

export const levelOf = (details: EventDetails | null): Level | null => details?.level ?? null;
