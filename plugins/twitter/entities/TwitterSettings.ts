import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One guild's posting rules. A guild without a row uses the defaults below and the bot's config. */
@Entity({ tableName: 'twitter_settings' })
export class TwitterSettings {
  @PrimaryKey({ type: 'string', length: 20 })
  public guildId!: string;

  @Property({ type: 'boolean' })
  public approvalRequired = false;

  @Property({ type: 'string', length: 20, nullable: true })
  public reviewChannelId: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  public approverRoleId: string | null = null;

  /** Null: the bot's TWITTER_DAILY_CAP. Applies to the guild's own account. */
  @Property({ type: 'integer', nullable: true })
  public dailyCap: number | null = null;

  /** Null: the bot's TWITTER_MIN_INTERVAL_MINUTES. */
  @Property({ type: 'integer', nullable: true })
  public minIntervalMinutes: number | null = null;

  @Property({ type: 'json' })
  public blockedTerms: string[] = [];

  /** IANA zone in which /twitter schedule and recurring times are read. */
  @Property({ type: 'string', length: 64 })
  public timeZone = 'UTC';

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  public updatedAt: Date = new Date();
}
