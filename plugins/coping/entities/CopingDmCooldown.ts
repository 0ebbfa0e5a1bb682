import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** When a user last got a check-in DM; shared by every process so the cooldown holds across them. */
@Entity({ tableName: 'coping_dm_cooldown' })
export class CopingDmCooldown {
  @PrimaryKey({ type: 'string', length: 20 })
  public userId!: string;

  @Property({ type: 'datetime' })
  public lastSentAt!: Date;
}
