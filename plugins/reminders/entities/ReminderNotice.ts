import { Entity, OptionalProps, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Something to tell a user the next time they use the bot, such as a reminder that could not reach them. */
@Entity({ tableName: 'reminders_notice' })
@Index({ properties: ['userId'] })
export class ReminderNotice {
  public [OptionalProps]?: 'reminderId' | 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  public id!: number;

  @Property({ type: 'string', length: 20 })
  public userId!: string;

  @Property({ type: 'integer', nullable: true })
  public reminderId: number | null = null;

  @Property({ type: 'text' })
  public message!: string;

  @Property({ type: 'datetime' })
  public createdAt: Date = new Date();
}
