import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A user's one coping plan. `content` is the sealed JSON of its sections. */
@Entity({ tableName: 'coping_plan' })
export class CopingPlan {
  @PrimaryKey({ type: 'string', length: 20 })
  public userId!: string;

  @Property({ type: 'text' })
  public content!: string;

  @Property({ type: 'datetime' })
  public createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  public updatedAt: Date = new Date();
}
