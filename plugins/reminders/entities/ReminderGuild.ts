import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A server's reminder settings. */
@Entity({ tableName: 'reminders_guild' })
export class ReminderGuild {
  public [OptionalProps]?: 'zone' | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 20 })
  public guildId!: string;

  /** The time zone of members who set none. */
  @Property({ type: 'string', length: 64, nullable: true })
  public zone: string | null = null;

  @Property({ type: 'datetime' })
  public updatedAt: Date = new Date();
}
