import { createTestDatabase } from '../src/testkit/database';
import { clearRedisPrefix, newRedisPrefix } from '../src/testkit/redis';
import { type TargetResult, median, poolSamples, shares } from './lib/aggregate';
import { Cleanup } from './lib/cleanup';
import { printReport } from './lib/report';
import { type Sample, type Target, log, startSession } from './lib/session';
import { type BenchSettings, settingsFromEnv } from './lib/settings';

/**
 * `npm run bench`: /ping through the full Mellow bot (bench/targets/mellow.ts) and through a bare
 * SapphireClient (bench/bare), each in its own child process against its own emulated Discord, one
 * bot at a time. It reports; it fails only when it could not run. Settings: see lib/settings.ts;
 * BENCH_PLUGINS adds plugins to Mellow (as PLUGINS); TEST_DATABASE_URL and TEST_REDIS_URL as for
 * the tests.
 */
async function run(settings: BenchSettings, cleanup: Cleanup): Promise<[TargetResult, TargetResult]> {
  const database = await createTestDatabase();
  cleanup.add('database', () => database.drop());
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = newRedisPrefix();
  cleanup.add('redis prefix', () => clearRedisPrefix(redisUrl, redisPrefix));
  const bare: Target = { name: 'bare', file: 'bench/bare/index.ts', env: {} };
  const full: Target = {
    name: 'full',
    file: 'bench/targets/mellow.ts',
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      HEALTH_PORT: '0',
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'json',
      PLUGINS: process.env.BENCH_PLUGINS ?? '',
    },
  };
  const collected = new Map<Target, { samples: Sample[]; rss: number[]; heapUsed: number[] }>([
    [bare, { samples: [], rss: [], heapUsed: [] }],
    [full, { samples: [], rss: [], heapUsed: [] }],
  ]);
  const perRound = shares(settings.count, settings.rounds);
  for (let round = 0; round < settings.rounds; round++) {
    for (const target of round % 2 === 0 ? [bare, full] : [full, bare]) {
      const into = collected.get(target)!;
      const session = await startSession(target, settings.world, cleanup);
      into.rss.push(session.stats.rss);
      into.heapUsed.push(session.stats.heapUsed);
      for (const inFlight of settings.modes) await session.warmUp(settings.warmup, inFlight);
      const line: string[] = [];
      for (const inFlight of settings.modes) {
        const sample = await session.measure(perRound[round]!, inFlight);
        into.samples.push(sample);
        line.push(`${inFlight} in flight p50 ${median(sample.latencies).toFixed(2)} ms`);
      }
      const printed = await session.stop();
      if (printed) log(`${target.name} printed (last ${printed.length} characters):\n${printed}`);
      const rss = (session.stats.rss / 2 ** 20).toFixed(1);
      log(`round ${round + 1}/${settings.rounds} ${target.name}: RSS ${rss} MiB; ${line.join(', ')}`);
    }
  }
  const result = (target: Target): TargetResult => {
    const { samples, rss, heapUsed } = collected.get(target)!;
    return { name: target.name, rss, heapUsed, modes: settings.modes.map((n) => poolSamples(n, samples)) };
  };
  return [result(bare), result(full)];
}

const cleanup = new Cleanup();
let exitCode = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`[bench] ${signal}: stopping and cleaning up`);
    exitCode = 130;
    void cleanup.runAll().finally(() => process.exit(exitCode));
  });
}

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const [bare, full] = await run(settings, cleanup);
  printReport(settings, bare, full);
}

main()
  .catch((error: unknown) => {
    if (exitCode !== 0) return; // interrupted: the bot going away is expected
    console.error('[bench] The benchmark could not run:', error instanceof Error ? error.message : error);
    exitCode = 1;
  })
  .finally(async () => {
    await cleanup.runAll();
    // Timers of interactions abandoned after a failure must not keep the process alive.
    process.exit(exitCode);
  });
