import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type OutboxDirection = 'to-requester' | 'to-staff';

/**
 * A ticket message that could not be delivered yet: a staff answer for a requester whose DMs are
 * closed and whose server has no log channel, or a requester's reply before the ticket reached the
 * support server. A row exists only until it is delivered.
 */
@Entity({ tableName: 'guilddebug_ticket_outbox' })
export class TicketOutbox {
  public [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  public id!: number;

  @Property({ type: 'integer', index: true })
  public ticketId!: number;

  @Property({ type: 'string', length: 16 })
  public direction!: OutboxDirection;

  @Property({ type: 'string', length: 20 })
  public authorId!: string;

  @Property({ type: 'text' })
  public content!: string;

  @Property({ type: 'datetime' })
  public createdAt: Date = new Date();
}
