import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The OAuth request token of a /twitter connect in progress, kept until the admin enters the PIN
 * (in the database, since the PIN may reach another process). The secret is sealed.
 */
@Entity({ tableName: 'twitter_connect_request' })
export class TwitterConnectRequest {
  @PrimaryKey({ type: 'string', length: 20 })
  public guildId!: string;

  @Property({ type: 'string', length: 20 })
  public userId!: string;

  @Property({ type: 'string', length: 128 })
  public requestToken!: string;

  @Property({ type: 'text' })
  public requestSecret!: string;

  @Property({ type: 'datetime' })
  public expiresAt!: Date;
}
