import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'coping_guild_settings' })
export class CopingGuildSettings {
  @PrimaryKey({ type: 'string', length: 20 })
  public guildId!: string;

  @Property({ type: 'boolean' })
  public detection: boolean = false;

  @Property({ type: 'string', length: 20, nullable: true })
  public alertChannelId: string | null = null;

  /** ISO 3166 alpha-2, for /resources and check-in DMs; null means the international directory. */
  @Property({ type: 'string', length: 2, nullable: true })
  public country: string | null = null;

  /** Whether crisis events keep the message text (sealed). Off by default. */
  @Property({ type: 'boolean' })
  public retainText: boolean = false;

  @Property({ type: 'string', length: 20, nullable: true })
  public updatedBy: string | null = null;

  @Property({ type: 'datetime' })
  public updatedAt: Date = new Date();
}
