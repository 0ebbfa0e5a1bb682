import { container } from '@sapphire/framework';
import type { ReplyContent } from '../discord/replies';
import { pingDatabase } from '../database/orm';

const ms = (value: number) => `${Math.round(value)} ms`;

async function measure(probe: () => Promise<number>): Promise<string> {
  try {
    return ms(await probe());
  } catch {
    return '**down**';
  }
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
  const [database, scheduler] = await Promise.all([
    measure(() => pingDatabase(mellow.orm)),
    measure(() => mellow.scheduler.ping()),
  ]);
  const memory = process.memoryUsage();
  const failed = mellow.plugins.failed.length;
  const lines = [
    `**Gateway ping:** ${client.ws.ping >= 0 ? ms(client.ws.ping) : 'not measured yet'}`,
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
