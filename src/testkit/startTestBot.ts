import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config';
import { type Mellow, startMellow } from '../lib/runtime/startMellow';
import { DiscordEmulator } from './emulator';
import { createTestDatabase, type TestDatabase } from './database';
import { clearRedisPrefix, newRedisPrefix } from './redis';

export interface TestBotOptions {
  /** Extra plugins, as for PLUGINS: paths or package names. */
  plugins?: string[];
  /** More environment variables (plugin config, OWNER_IDS, …). */
  env?: Record<string, string>;
  redisUrl?: string;
}

export interface TestBot {
  emu: DiscordEmulator;
  mellow: Mellow;
  database: TestDatabase;
  redisPrefix: string;
  /** The base URL of /health and /metrics. */
  httpUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real bot (Sapphire, Postgres, Redis) against an emulated Discord, with its own
 * database and Redis prefix. Only one can run per process: share it across a test run.
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const emu = await DiscordEmulator.start();
  const database = await createTestDatabase();
  const redisPrefix = newRedisPrefix();
  const redisUrl = options.redisUrl ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const config = loadConfig({
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    HEALTH_PORT: '0',
    // Tests provoke failures on purpose; TEST_LOG_LEVEL=debug shows everything.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    LOG_FORMAT: 'pretty',
    PLUGINS: (options.plugins ?? []).join(','),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...options.env,
  });
  // HEALTH_PORT=0 turns HTTP off for operators; tests still want it, on a random port.
  const mellow = await startMellow(config, {
    client: { rest: { globalRequestsPerSecond: 10_000 }, waitGuildTimeout: 50 },
    httpHost: '127.0.0.1',
    httpPort: 0,
  });
  await emu.gateway.waitForReady();
  const address = mellow.http?.address();
  const httpUrl = address && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : '';
  return {
    emu,
    mellow,
    database,
    redisPrefix,
    httpUrl,
    async stop() {
      await mellow.stop();
      await emu.stop();
      await database.drop();
      await clearRedisPrefix(redisUrl, redisPrefix);
    },
  };
}
