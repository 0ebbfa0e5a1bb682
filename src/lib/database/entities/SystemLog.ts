import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

export const systemLogTypes = ['command', 'error', 'guild', 'plugin', 'settings', 'support', 'crisis'] as const;
export type SystemLogType = (typeof systemLogTypes)[number];
export const systemLogSeverities = ['info', 'warning', 'error', 'critical'] as const;
export type SystemLogSeverity = (typeof systemLogSeverities)[number];

/** A persisted bot event, queried by guild, type and time (guilddebug reads these). */
@Entity({ tableName: 'system_log' })
@Index({ properties: ['guildId', 'type', 'createdAt'] })
@Index({ properties: ['type', 'createdAt'] })
export class SystemLog {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  public id!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  public guildId: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  public userId: string | null = null;

  @Property({ type: 'string', length: 16 })
  public type!: SystemLogType;

  @Property({ type: 'string', length: 200 })
  public title!: string;

  @Property({ type: 'text', nullable: true })
  public description: string | null = null;

  @Property({ type: 'json', nullable: true })
  public metadata: Record<string, unknown> | null = null;

  @Property({ type: 'string', length: 16 })
  public severity: SystemLogSeverity = 'info';

  @Property({ type: 'datetime', defaultRaw: 'now()', index: true })
  public createdAt: Date = new Date();
}
