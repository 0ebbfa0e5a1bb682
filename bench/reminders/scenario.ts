import { randomBytes } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestDatabase } from '../../src/testkit/database';
import { DiscordEmulator } from '../../src/testkit/emulator';
import { clearRedisPrefix, newRedisPrefix } from '../../src/testkit/redis';
import type { Cleanup } from '../lib/cleanup';
import { DeliveryCounter, type DeliveryReport, measureDeliveries } from './measure';
import { seedReminders } from './seed';

export interface Scenario {
  name: string;
  count: number;
  windowMs: number;
  users: number;
  /** Discord's real global limit: the emulator enforces 50/s and the bot's REST client keeps its own 50/s. */
  realRateLimit: boolean;
  /** Time between seeding and the first due time, for the reconcile pass to add every job. */
  leadMs: number;
}

export const log = (message: string) => console.error(`[bench:reminders] ${message}`);

const ROOT = resolve(__dirname, '../..');

function startBot(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  let output = '';
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', resolve(ROOT, 'bench/reminders/target.ts')], {
    cwd: ROOT,
    // A throwaway encryption key, so the benchmark never creates or reads ./data/encryption.key.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return { child, output: () => output, exited };
}

function askReconcile(child: ChildProcess): Promise<number> {
  return new Promise((done) => {
    child.once('message', (reply: { ms: number }) => done(reply.ms));
    child.send({ id: 1, type: 'reconcile' });
  });
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
  return true;
}

/** One run: a fresh emulator, database and Redis prefix; the bot in its own process; everything removed after. */
export async function runScenario(
  scenario: Scenario,
  cleanup: Cleanup,
): Promise<DeliveryReport & { reconcileMs: number }> {
  const emu = await DiscordEmulator.start({ interactionAckTimeoutMs: null, defaultTimeoutMs: 60_000 });
  const stopEmulator = cleanup.add(`${scenario.name}: emulator`, () => emu.stop());
  const database = await createTestDatabase();
  const dropDatabase = cleanup.add(`${scenario.name}: database`, () => database.drop());
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = newRedisPrefix();
  const clearRedis = cleanup.add(`${scenario.name}: redis prefix`, () => clearRedisPrefix(redisUrl, redisPrefix));

  const owner = emu.users.create({ username: 'bench-owner' });
  emu.guilds.create({ name: 'Bench', owner, channels: ['general'] });
  const users = Array.from({ length: scenario.users }, (_, i) => {
    const user = emu.users.create({ username: `bench-user-${i}` });
    return { id: user.id };
  });

  const bot = startBot({
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    HEALTH_PORT: '0',
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
    PLUGINS: '',
    REMINDERS_MAX_ACTIVE_PER_USER: '1000000',
    ...(scenario.realRateLimit ? { BENCH_REAL_REST_LIMIT: '1' } : {}),
  });
  const stopBot = cleanup.add(`${scenario.name}: bot`, async () => {
    bot.child.kill('SIGTERM');
    const timer = setTimeout(() => bot.child.kill('SIGKILL'), 15_000);
    await bot.exited;
    clearTimeout(timer);
  });
  try {
    await emu.gateway.waitForReady(240_000);
    // Ready means migrated: the tables exist, and the reconcile at ready found them empty.
    if (scenario.realRateLimit) emu.setGlobalRateLimit(50);
    const firstDueAt = Date.now() + scenario.leadMs;
    const dueById = await seedReminders(database.url, {
      users,
      count: scenario.count,
      firstDueAt,
      windowMs: scenario.windowMs,
    });
    const reconcileMs = await askReconcile(bot.child);
    if (Date.now() > firstDueAt)
      log(`${scenario.name}: seeding and reconcile ran past the first due time; raise BENCH_REMINDERS_LEAD_S`);
    log(
      `${scenario.name}: ${scenario.count} reminders seeded, jobs added in ${Math.round(reconcileMs)} ms; waiting for deliveries`,
    );
    const counter = new DeliveryCounter(dueById);
    const delivered = () => counter.delivered(emu.requests) >= scenario.count;
    const budget =
      firstDueAt - Date.now() + scenario.windowMs + 60_000 + (scenario.realRateLimit ? scenario.count * 40 : 0);
    if (!(await waitFor(delivered, budget))) log(`${scenario.name}: not everything arrived in time\n${bot.output()}`);
    // Anything arriving after this would be a duplicate; give it a moment to show.
    await new Promise((done) => setTimeout(done, 2_000));
    return { ...measureDeliveries(emu.requests, dueById, firstDueAt), reconcileMs };
  } finally {
    await stopBot();
    await stopEmulator();
    await dropDatabase();
    await clearRedis();
  }
}
