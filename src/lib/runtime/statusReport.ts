import { container } from '@sapphire/framework';
import type { ReplyContent } from '../discord/replies';
import { pingDatabase } from '../database/orm';

const ms = (value: number | null) => (value === null ? '**down**' : `${Math.round(value)} ms`);

/** Latencies in ms; null when the component is down (gateway: not measured yet). */
export interface RuntimeLatency {
  databaseMs: number | null;
  schedulerMs: number | null;
  gatewayPingMs: number | null;
}

const orNull = (probe: () => Promise<number>) => probe().catch(() => null);

/** What /status and the guilddebug diagnostics measure: database and Redis round trips, gateway ping. */
export async function measureLatency(): Promise<RuntimeLatency> {
  const { client, mellow } = container;
  const [databaseMs, schedulerMs] = await Promise.all([
    orNull(() => pingDatabase(mellow.orm)),
    orNull(() => mellow.scheduler.ping()),
  ]);
  return { databaseMs, schedulerMs, gatewayPingMs: client.ws.ping >= 0 ? client.ws.ping : null };
}

function duration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [d && `${d}d`, (d || h) && `${h}h`, `${m}m`].filter(Boolean).join(' ');
}

/** The numbers behind /status: what an admin checks first when the bot seems slow. */
export async function statusReport(): Promise<ReplyContent> {
  const { client, mellow } = container;
  const latency = await measureLatency();
  const database = ms(latency.databaseMs);
  const scheduler = ms(latency.schedulerMs);
  const memory = process.memoryUsage();
  const failed = mellow.plugins.failed.length;
  const lines = [
    `**Gateway ping:** ${latency.gatewayPingMs === null ? 'not measured yet' : ms(latency.gatewayPingMs)}`,
    `**Uptime:** ${duration((Date.now() - mellow.startedAt) / 1000)}`,
    `**Memory:** ${Math.round(memory.rss / 1024 / 1024)} MB RSS, ${Math.round(memory.heapUsed / 1024 / 1024)} MB heap`,
    `**Guilds:** ${client.guilds.cache.size}`,
    `**Database:** ${database}`,
    `**Scheduler:** ${scheduler}${scheduler.includes('down') ? ' (scheduled work waits until Redis is back)' : ''}`,
    `**Plugins:** ${mellow.plugins.active.length} loaded${failed ? `, ${failed} failed (see \`/plugins list\`)` : ''}`,
  ];
  const healthy = !database.includes('down') && !scheduler.includes('down');
  return { outcome: healthy ? 'info' : 'warning', title: 'Mellow status', description: lines.join('\n') };
}
