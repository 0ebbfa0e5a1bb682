import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Level } from '../lib/classifier';

export type DmStatus = 'sent' | 'cooldown' | 'closed' | 'failed' | 'none';
export type AlertOutcome = 'ack' | 'false_alarm';

/**
 * A message the classifier flagged. The ids are plain (they make the link, keep one event per
 * message, and let export/delete find the user's rows), and so is the level, which decides whether
 * an edit escalates the event; what was detected (matched rules, the reason, and the text when the
 * server keeps it) is sealed in `details`.
 */
@Entity({ tableName: 'coping_crisis_event' })
@Unique({ properties: ['messageId'] })
@Index({ properties: ['userId'] })
@Index({ properties: ['createdAt'] })
export class CopingCrisisEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  public id!: number;

  @Property({ type: 'string', length: 20 })
  public guildId!: string;

  @Property({ type: 'string', length: 20 })
  public channelId!: string;

  @Property({ type: 'string', length: 20 })
  public messageId!: string;

  @Property({ type: 'string', length: 20 })
  public userId!: string;

  /** Null for events recorded before the level had its own column. */
  @Property({ type: 'string', length: 16, nullable: true })
  public level: Level | null = null;

  @Property({ type: 'text' })
  public details!: string;

  @Property({ type: 'string', length: 16 })
  public dmStatus: DmStatus = 'none';

  @Property({ type: 'string', length: 20, nullable: true })
  public alertMessageId: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  public alertChannelId: string | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  public outcome: AlertOutcome | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  public handledBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  public handledAt: Date | null = null;

  @Property({ type: 'datetime' })
  public createdAt: Date = new Date();
}
