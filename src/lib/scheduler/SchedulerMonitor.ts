import { Redis, type RedisOptions } from 'ioredis';
import { logger } from '../logging/logger';

/**
 * Watches Redis on a connection of its own, so health checks answer at once instead of waiting in
 * BullMQ's retry loop, and so the bot knows when Redis comes back and can reconcile scheduled work.
 */
export class SchedulerMonitor {
  private readonly redis: Redis;
  /** Logged transitions only: an outage is reported once, whether it began at startup or later. */
  private state: 'starting' | 'up' | 'down' | 'stopped' = 'starting';

  public constructor(
    options: RedisOptions,
    private readonly onReconnect: () => void,
  ) {
    this.redis = new Redis({
      ...options,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.redis.on('ready', () => {
      if (this.state === 'up' || this.state === 'stopped') return;
      this.state = 'up';
      logger.info('Scheduler (Redis) is up');
      this.onReconnect();
    });
    this.redis.on('end', () => this.markDown('connection ended'));
    this.redis.on('close', () => this.markDown('connection closed'));
    this.redis.on('error', (error: Error) => this.markDown(error.message));
  }

  public async start(): Promise<void> {
    await this.redis.connect().catch((error: Error) => this.markDown(error.message));
  }

  /** Round-trip time to Redis in ms; rejects when Redis is down. */
  public async ping(timeoutMs = 1000): Promise<number> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('Redis ping timed out')), timeoutMs))),
      ]);
      return performance.now() - started;
    } finally {
      clearTimeout(timer);
    }
  }

  public async stop(): Promise<void> {
    this.state = 'stopped';
    this.redis.disconnect();
  }

  private markDown(reason: string): void {
    if (this.state === 'down' || this.state === 'stopped') return;
    this.state = 'down';
    logger.warn(`Scheduler (Redis) is down: ${reason}. Commands keep working; scheduled work resumes when it is back.`);
  }
}
