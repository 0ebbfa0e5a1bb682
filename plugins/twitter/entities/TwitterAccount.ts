import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A guild's own X account, connected by an admin. Both tokens are sealed with the SecretBox. */
@Entity({ tableName: 'twitter_account' })
export class TwitterAccount {
  @PrimaryKey({ type: 'string', length: 20 })
  public guildId!: string;

  @Property({ type: 'string', length: 32 })
  public xUserId!: string;

  @Property({ type: 'string', length: 64 })
  public username!: string;

  @Property({ type: 'text' })
  public accessToken!: string;

  @Property({ type: 'text' })
  public accessSecret!: string;

  /** The admin who connected it; null once they asked to be forgotten. */
  @Property({ type: 'string', length: 20, nullable: true })
  public connectedBy: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  public connectedAt: Date = new Date();
}
