import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const ticketSeverities = ['critical', 'high', 'medium', 'low'] as const;
export type TicketSeverity = (typeof ticketSeverities)[number];
export const ticketStatuses = ['open', 'acknowledged', 'resolved'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** A support request from a server, and where it lives in the support server. */
@Entity({ tableName: 'guilddebug_support_ticket' })
@Index({ properties: ['guildId', 'createdAt'] })
@Index({ properties: ['requesterId', 'createdAt'] })
export class SupportTicket {
  public [OptionalProps]?:
    | 'contact'
    | 'consent'
    | 'status'
    | 'supportMessageId'
    | 'supportThreadId'
    | 'deliveryClaimedAt'
    | 'handledBy'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  public id!: number;

  @Property({ type: 'string', length: 20 })
  public guildId!: string;

  @Property({ type: 'string', length: 20 })
  public requesterId!: string;

  /** One line the requester wrote; shown in ticket lists. Redacted on the way in. */
  @Property({ type: 'string', length: 100 })
  public summary!: string;

  /** The requester's description, only ever shown to staff. Redacted on the way in. */
  @Property({ type: 'text' })
  public details!: string;

  @Property({ type: 'string', length: 16 })
  public severity!: TicketSeverity;

  @Property({ type: 'string', length: 200, nullable: true })
  public contact: string | null = null;

  /** The requester, a server admin, let staff join the server while the ticket is open. */
  @Property({ type: 'boolean' })
  public consent: boolean = false;

  @Property({ type: 'string', length: 16 })
  public status: TicketStatus = 'open';

  /** The post in the support channel; null until Discord took it. */
  @Property({ type: 'string', length: 20, nullable: true })
  public supportMessageId: string | null = null;

  /** The ticket's thread, set once it holds the snapshot and the staff buttons: the ticket is delivered. */
  @Property({ type: 'string', length: 20, nullable: true, index: true })
  public supportThreadId: string | null = null;

  /** When a process started posting the ticket; a claim that gets old belongs to a process that died. */
  @Property({ type: 'datetime', nullable: true })
  public deliveryClaimedAt: Date | null = null;

  /** The staff member who last acknowledged or resolved it. */
  @Property({ type: 'string', length: 20, nullable: true })
  public handledBy: string | null = null;

  @Property({ type: 'datetime' })
  public createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  public updatedAt: Date = new Date();
}
