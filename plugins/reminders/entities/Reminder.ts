import { Entity, OptionalProps, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { RecurrenceRule } from 'mellow';

/** Where a reminder goes: the creator's DMs, the channel it was set in, or a channel for everyone there. */
export const reminderTargets = ['dm', 'here', 'channel'] as const;
export type ReminderTarget = (typeof reminderTargets)[number];

/**
 * pending → sending → sent (one-off) or pending again (recurring, next occurrence).
 * paused: a recurring reminder on hold. undeliverable: every way to deliver it failed. done: dismissed.
 */
export const reminderStates = ['pending', 'sending', 'sent', 'paused', 'undeliverable', 'done'] as const;
export type ReminderState = (typeof reminderStates)[number];

export const ACTIVE_STATES: ReminderState[] = ['pending', 'sending', 'paused'];

@Entity({ tableName: 'reminders_reminder' })
@Index({ properties: ['userId', 'state'] })
@Index({ properties: ['state', 'dueAt'] })
@Index({ properties: ['guildId', 'target', 'state'] })
export class Reminder {
  public [OptionalProps]?:
    | 'guildId'
    | 'originChannelId'
    | 'channelId'
    | 'roleId'
    | 'rule'
    | 'state'
    | 'claimedAt'
    | 'attempts'
    | 'lateReason'
    | 'snoozeOf'
    | 'snoozedOccurrence'
    | 'deliveredAt'
    | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  public id!: number;

  @Property({ type: 'string', length: 20 })
  public userId!: string;

  /** The server it was created in (null in DMs). Personal reminders keep it only for the "here" fallback. */
  @Property({ type: 'string', length: 20, nullable: true })
  public guildId: string | null = null;

  /** The channel it was created in, where a refused DM falls back to. */
  @Property({ type: 'string', length: 20, nullable: true })
  public originChannelId: string | null = null;

  @Property({ type: 'string', length: 10 })
  public target!: ReminderTarget;

  /** The channel of a "channel" reminder. */
  @Property({ type: 'string', length: 20, nullable: true })
  public channelId: string | null = null;

  /** The one role a channel reminder may ping. */
  @Property({ type: 'string', length: 20, nullable: true })
  public roleId: string | null = null;

  @Property({ type: 'text' })
  public text!: string;

  /** When the next delivery is due (a snoozed one-off: the snooze time). */
  // Millisecond precision, as JavaScript has: job ids and claims compare this exact instant.
  @Property({ type: 'datetime', length: 3 })
  public dueAt!: Date;

  @Property({ type: 'json', nullable: true })
  public rule: RecurrenceRule | null = null;

  @Property({ type: 'string', length: 16, default: 'pending' })
  public state: ReminderState = 'pending';

  /** When a process claimed it for sending; a stale claim means that process died mid-send. */
  @Property({ type: 'datetime', nullable: true })
  public claimedAt: Date | null = null;

  /** Transient delivery failures of the current occurrence. */
  @Property({ type: 'integer', default: 0 })
  public attempts: number = 0;

  /** Why the next delivery will be late, when known before it happens ("disabled": the server had it off). */
  @Property({ type: 'string', length: 20, nullable: true })
  public lateReason: string | null = null;

  /** The recurring reminder this one-off is a snooze of. */
  @Property({ type: 'integer', nullable: true })
  public snoozeOf: number | null = null;

  /** For a snoozed copy: the occurrence (due time) of `snoozeOf` it snoozes; snoozing it again moves this copy. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  public snoozedOccurrence: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  public deliveredAt: Date | null = null;

  @Property({ type: 'datetime' })
  public createdAt: Date = new Date();
}
