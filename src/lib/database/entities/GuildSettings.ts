import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Core per-guild settings. Plugins keep their own settings in their own tables. */
@Entity({ tableName: 'guild_settings' })
export class GuildSettings {
  @PrimaryKey({ type: 'string', length: 20 })
  public guildId!: string;

  /** Null means the bot-wide MESSAGE_PREFIX. */
  @Property({ type: 'string', length: 10, nullable: true })
  public prefix: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  public logChannelId: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  public updatedAt: Date = new Date();
}
