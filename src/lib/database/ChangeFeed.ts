import type { EntityManager } from '@mikro-orm/core';
import { Client } from 'pg';
import { logger } from '../logging/logger';

export const CHANGE_CHANNEL = 'mellow_state';

export interface StateChange {
  guildId: string;
  scope: 'plugins' | 'settings';
}

type Handler = (change: StateChange) => void | Promise<void>;

/**
 * Tells every bot process sharing the database that a guild's state changed, through Postgres
 * LISTEN/NOTIFY. The notification is sent inside the writing transaction, so a reader never hears
 * of a change before it can see it. After a lost connection, `onResync` reloads everything, since
 * notifications sent meanwhile are gone.
 */
export class ChangeFeed {
  private client: Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;

  public constructor(
    private readonly url: string,
    private readonly onChange: Handler,
    private readonly onResync: () => Promise<void>,
  ) {}

  /** Publishes a change as part of the caller's transaction. */
  public static async publish(em: EntityManager, change: StateChange): Promise<void> {
    await em
      .getConnection()
      .execute('select pg_notify(?, ?)', [CHANGE_CHANNEL, JSON.stringify(change)], 'all', em.getTransactionContext());
  }

  public async start(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => void this.dispatch(message.payload));
    client.on('error', (error) => this.connectionLost(client, error));
    client.on('end', () => this.connectionLost(client, new Error('connection closed')));
    try {
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  public async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async dispatch(payload: string | undefined): Promise<void> {
    try {
      const change = JSON.parse(payload ?? '') as StateChange;
      if (typeof change.guildId === 'string') await this.onChange(change);
    } catch (error) {
      logger.warn('Could not apply a state change notification', { error });
    }
  }

  private connectionLost(client: Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    logger.warn(`Lost the state change feed (${error.message}); retrying every second`);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    this.retryTimer = setTimeout(() => void this.retry(), 1000);
  }

  private async retry(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.start();
      await this.onResync();
      logger.info('State change feed is back; reloaded every guild state');
    } catch {
      this.scheduleRetry();
    }
  }
}
