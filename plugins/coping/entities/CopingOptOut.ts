import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A user who asked not to have their messages checked for crisis signs, in any server. */
@Entity({ tableName: 'coping_opt_out' })
export class CopingOptOut {
  @PrimaryKey({ type: 'string', length: 20 })
  public userId!: string;

  @Property({ type: 'datetime' })
  public createdAt: Date = new Date();
}
