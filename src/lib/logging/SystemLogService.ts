import { SystemLog, type SystemLogSeverity, type SystemLogType } from '../database/entities';
import type { Orm } from '../database/orm';
import { logger } from './logger';
import { redactor } from './redact';

export interface SystemLogEvent {
  type: SystemLogType;
  title: string;
  guildId?: string | null;
  userId?: string | null;
  description?: string | null;
  metadata?: Record<string, unknown> | null;
  severity?: SystemLogSeverity;
}

export interface SystemLogOptions {
  flushIntervalMs?: number;
  /** Past this many waiting events, the oldest are written to winston and dropped. */
  maxBuffered?: number;
  /** Events older than this many days are deleted; 0 keeps them forever. */
  retentionDays?: number;
  /** Also shows the event in the guild's log channel, when it has one. */
  mirror?: (event: SystemLogEvent & { createdAt: Date }) => Promise<void>;
}

const PRUNE_INTERVAL_MS = 6 * 60 * 60 * 1000;
const PRUNE_BATCH = 5000;

/** Events may quote error messages and user input: scrub secrets before they are stored or shown. */
const redactEvent = <T extends SystemLogEvent>(event: T): T => ({
  ...redactor.redactValue(event),
  title: redactor.redact(event.title).slice(0, 200),
});

/**
 * Persists bot events without ever making a command wait: `record` only buffers, and a timer writes
 * the buffer in one insert. If the database is down, events go to winston instead and nothing throws.
 */
export class SystemLogService {
  private buffer: (SystemLogEvent & { createdAt: Date })[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;

  public constructor(
    private readonly orm: Orm,
    private readonly options: SystemLogOptions = {},
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.maxBuffered = options.maxBuffered ?? 10_000;
  }

  public start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.flushIntervalMs);
    this.timer.unref();
    if (this.options.retentionDays) {
      void this.prune();
      this.pruneTimer ??= setInterval(() => void this.prune(), PRUNE_INTERVAL_MS);
      this.pruneTimer.unref();
    }
  }

  /**
   * Deletes events past the retention period, a batch at a time so the table is never locked for
   * long. Every process may run it; the deletes don't conflict. Returns how many rows went.
   */
  public async prune(): Promise<number> {
    const days = this.options.retentionDays ?? 0;
    if (days <= 0) return 0;
    let removed = 0;
    try {
      const connection = this.orm.em.getConnection();
      for (;;) {
        const result = await connection.execute<{ affectedRows?: number }>(
          `delete from "system_log" where "id" in (select "id" from "system_log" where "created_at" < now() - make_interval(days => ?) limit ${PRUNE_BATCH})`,
          [days],
          'run',
        );
        removed += result.affectedRows ?? 0;
        if ((result.affectedRows ?? 0) < PRUNE_BATCH) return removed;
      }
    } catch (error) {
      logger.warn('Could not prune old system log events', { error });
      return removed;
    }
  }

  public record(event: SystemLogEvent): void {
    const clean = {
      ...redactor.redactValue(event),
      title: redactor.redact(event.title).slice(0, 200),
      createdAt: new Date(),
    };
    this.buffer.push(clean);
    if (this.buffer.length > this.maxBuffered) this.spill(this.buffer.splice(0, this.buffer.length - this.maxBuffered));
    if (this.options.mirror && clean.guildId && clean.type !== 'command') {
      this.options
        .mirror(clean)
        .catch((error: unknown) => logger.debug('Could not mirror an event to a log channel', { error }));
    }
  }

  /** Writes everything buffered so far, including events recorded while an earlier write was running. */
  public async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.write(batch).finally(() => (this.flushing = null));
    return this.flushing;
  }

  public async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.pruneTimer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(batch: (SystemLogEvent & { createdAt: Date })[]): Promise<void> {
    try {
      const em = this.orm.em.fork();
      await em.insertMany(
        SystemLog,
        batch.map(redactEvent).map((event) => ({
          guildId: event.guildId ?? null,
          userId: event.userId ?? null,
          type: event.type,
          title: event.title,
          description: event.description ?? null,
          metadata: event.metadata ?? null,
          severity: event.severity ?? 'info',
          createdAt: event.createdAt,
        })),
      );
    } catch (error) {
      logger.warn(`Could not write ${batch.length} system log events to the database; logging them here`, { error });
      this.spill(batch);
    }
  }

  private spill(events: SystemLogEvent[]): void {
    for (const event of events) logger.info(`[system-log] ${event.type}: ${event.title}`, { ...event });
  }
}
