import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type DeliveryPreference = 'dm' | 'here';

/** One user's reminder settings, and the check-in prompts they asked for. */
@Entity({ tableName: 'reminders_user' })
export class ReminderUser {
  public [OptionalProps]?:
    | 'zone'
    | 'delivery'
    | 'dmRefusals'
    | 'dmChannelId'
    | 'checkinHours'
    | 'checkinNextAt'
    | 'checkinGuildId'
    | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 20 })
  public userId!: string;

  /** IANA zone; null: the server default applies, else UTC. */
  @Property({ type: 'string', length: 64, nullable: true })
  public zone: string | null = null;

  @Property({ type: 'string', length: 10, default: 'dm' })
  public delivery: DeliveryPreference = 'dm';

  /** Refused DMs in a row (Discord 50007); reset by any DM that goes through. */
  @Property({ type: 'integer', default: 0 })
  public dmRefusals: number = 0;

  /** The DM channel with this user, so a DM reminder costs one request. */
  @Property({ type: 'string', length: 20, nullable: true })
  public dmChannelId: string | null = null;

  /** Hours between check-in prompts; null: off. */
  @Property({ type: 'integer', nullable: true })
  public checkinHours: number | null = null;

  @Property({ type: 'datetime', nullable: true })
  public checkinNextAt: Date | null = null;

  /** The server check-ins were set up in, to offer its coping tools. */
  @Property({ type: 'string', length: 20, nullable: true })
  public checkinGuildId: string | null = null;

  @Property({ type: 'datetime' })
  public updatedAt: Date = new Date();
}
