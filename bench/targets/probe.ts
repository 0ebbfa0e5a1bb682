import { setTimeout as sleep } from 'node:timers/promises';
import { container } from '@sapphire/framework';
import { type QueryCounts, type Reply, type Request, emptyCounts } from '../lib/protocol';

/** Guilds the client holds as available (every GUILD_CREATE handled). */
function availableGuilds(): number {
  const client = container.client as typeof container.client | undefined;
  if (!client?.isReady()) return 0;
  return client.guilds.cache.filter((guild) => guild.available).size;
}

/** Waits for READY and every GUILD_CREATE, lets startup work settle, then measures memory. */
async function stats(expectedGuilds: number, settleMs: number, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (availableGuilds() < expectedGuilds && Date.now() < deadline) await sleep(100);
  await sleep(settleMs);
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, guilds: availableGuilds() };
}

/**
 * The child side of the benchmark: answers the parent's requests over IPC, and exits when the
 * parent goes away (so no bot outlives a crashed benchmark).
 */
export function serveProbe(queries: () => QueryCounts = emptyCounts): void {
  const expectedGuilds = Number(process.env.BENCH_GUILDS ?? 0);
  const settleMs = Number(process.env.BENCH_SETTLE_MS ?? 1000);
  const send = (reply: Reply) => process.send?.(reply);
  process.on('message', (message: Request) => {
    if (message.type === 'snapshot') {
      const { user, system } = process.cpuUsage();
      send({ id: message.id, type: 'snapshot', queries: queries(), cpuMicros: user + system });
    } else void stats(expectedGuilds, settleMs).then((s) => send({ id: message.id, type: 'stats', ...s }));
  });
  process.on('disconnect', () => process.exit(0));
}
