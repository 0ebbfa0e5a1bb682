import { Cleanup } from './lib/cleanup';
import { round } from './lib/stats';
import type { DeliveryReport } from './reminders/measure';
import { log, runScenario, type Scenario } from './reminders/scenario';

/**
 * `npm run bench:reminders`: reminders due in one window, delivered by the real bot (child process) to an
 * emulated Discord; measured from the emulator's request log. Two runs: the rate limit lifted (our own
 * overhead), then Discord's real 50 requests/s enforced by the emulator and kept by the bot's REST client.
 *
 * BENCH_REMINDERS (10000), BENCH_REMINDERS_WINDOW_S (60), BENCH_REMINDERS_USERS (500),
 * BENCH_REMINDERS_LIMITED (1000), BENCH_REMINDERS_LIMITED_WINDOW_S (5), BENCH_REMINDERS_LEAD_S (15);
 * TEST_DATABASE_URL and TEST_REDIS_URL as for the tests. A count of 0 skips that run.
 */
function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0`);
  return value;
}

const ms = (value: number) => `${Math.round(value)} ms`;

function print(name: string, report: DeliveryReport & { reconcileMs: number }): void {
  const { lateness } = report;
  console.log(`\n${name}`);
  console.log(`  delivered            ${report.delivered} / ${report.expected}, duplicates ${report.duplicates}`);
  console.log(`  lateness             p50 ${ms(lateness.p50)}, p99 ${ms(lateness.p99)}, max ${ms(lateness.max)}`);
  console.log(`  early                ${report.early.count} (at most ${ms(report.early.maxMs)} before due)`);
  console.log(
    `  REST per reminder    ${report.requestsPerReminder.toFixed(3)} (429s: ${report.rateLimited}; DM channels opened: ${report.dmOpens}, cold cache)`,
  );
  console.log(`  deliveries/s         ${report.throughput.toFixed(1)}`);
  console.log(`  jobs added in        ${ms(report.reconcileMs)}`);
  console.log(
    JSON.stringify({
      bench: 'reminders',
      run: name,
      ...report,
      lateness: { p50: round(lateness.p50), p99: round(lateness.p99), max: round(lateness.max) },
    }),
  );
}

const cleanup = new Cleanup();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`[bench:reminders] ${signal}: stopping and cleaning up`);
    void cleanup.runAll().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const lead = intFromEnv('BENCH_REMINDERS_LEAD_S', 15) * 1000;
  const users = Math.max(1, intFromEnv('BENCH_REMINDERS_USERS', 500));
  const runs: Scenario[] = [
    {
      name: 'unlimited',
      count: intFromEnv('BENCH_REMINDERS', 10_000),
      windowMs: intFromEnv('BENCH_REMINDERS_WINDOW_S', 60) * 1000,
      users,
      realRateLimit: false,
      leadMs: lead,
    },
    {
      name: 'Discord rate limit (50/s)',
      count: intFromEnv('BENCH_REMINDERS_LIMITED', 1_000),
      windowMs: intFromEnv('BENCH_REMINDERS_LIMITED_WINDOW_S', 5) * 1000,
      users,
      realRateLimit: true,
      leadMs: lead,
    },
  ];
  let failed = false;
  for (const scenario of runs.filter((run) => run.count > 0)) {
    log(
      `${scenario.name}: ${scenario.count} reminders due within ${scenario.windowMs / 1000} s, ${scenario.users} users`,
    );
    const report = await runScenario(scenario, cleanup);
    print(scenario.name, report);
    failed ||= report.delivered !== report.expected || report.duplicates > 0;
  }
  return failed ? 1 : 0;
}

main()
  .then((code) => cleanup.runAll().then(() => process.exit(code)))
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup.runAll();
    process.exit(1);
  });
