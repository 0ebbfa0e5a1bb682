import { container } from '@sapphire/framework';
import { runFromEnvironment } from '../../src/lib/runtime/runFromEnvironment';
import { reconcileScheduledWork } from '../../src/lib/scheduler/reconcile';
import { BENCH_CLIENT_OPTIONS } from '../targets/clientOptions';

/**
 * The full bot as `npm start` runs it. BENCH_REAL_REST_LIMIT=1 keeps discord.js's real 50 requests/s
 * client limit; otherwise the benchmark's lifted one. On an IPC 'reconcile' it runs the same pass as
 * at ready or when Redis comes back, which is how the seeded reminders get their jobs.
 */
const realLimit = process.env.BENCH_REAL_REST_LIMIT === '1';
void runFromEnvironment({ client: realLimit ? { waitGuildTimeout: 50 } : BENCH_CLIENT_OPTIONS });

process.on('message', (message: { id: number; type: string }) => {
  if (message.type !== 'reconcile') return;
  const started = performance.now();
  void reconcileScheduledWork(container.mellow.plugins).then(() =>
    process.send?.({ id: message.id, ms: performance.now() - started }),
  );
});
