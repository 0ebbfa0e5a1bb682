import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { PostAccount } from './TwitterPost';

export type RecurringKind = 'tip' | 'update';

/** A guild's recurring content (a daily tip, a weekly update): its rule and next time. */
@Entity({ tableName: 'twitter_recurring' })
@Unique({ properties: ['guildId', 'kind'] })
export class TwitterRecurring {
  public [OptionalProps]?: 'cursor' | 'createdBy';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  public id!: number;

  @Property({ type: 'string', length: 20 })
  public guildId!: string;

  @Property({ type: 'string', length: 8 })
  public kind!: RecurringKind;

  @Property({ type: 'string', length: 8 })
  public account!: PostAccount;

  /** The rule from the shared time parser (`src/lib/time`), as it returned it. */
  @Property({ type: 'json' })
  public rule!: unknown;

  @Property({ type: 'string', length: 200 })
  public description!: string;

  @Property({ type: 'datetime' })
  public nextAt!: Date;

  /** Rotates through the content library so consecutive posts differ. */
  @Property({ type: 'integer' })
  public cursor = 0;

  @Property({ type: 'string', length: 20, nullable: true })
  public createdBy: string | null = null;
}
