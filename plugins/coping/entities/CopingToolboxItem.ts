import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One tool in a user's personal toolbox. `text` is sealed (AES-256-GCM). */
@Entity({ tableName: 'coping_toolbox_item' })
@Index({ properties: ['userId'] })
export class CopingToolboxItem {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  public id!: number;

  @Property({ type: 'string', length: 20 })
  public userId!: string;

  @Property({ type: 'text' })
  public text!: string;

  @Property({ type: 'datetime' })
  public createdAt: Date = new Date();
}
