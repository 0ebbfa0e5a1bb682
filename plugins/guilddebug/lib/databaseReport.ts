import { container } from '@sapphire/framework';
import { measureLatency, migrationStatus, type ReplyContent } from 'mellow';

interface PoolLike {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/** Which plugin owns each table: the plugin whose manifest lists the entity, else the core. */
function tablesByOwner(): Map<string, string[]> {
  const { orm, plugins } = container.mellow;
  const owners = new Map<string, string[]>();
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.embeddable || meta.virtual || !meta.tableName) continue;
    const owner =
      plugins.active.find((p) => p.manifest.entities?.some((entity) => entity === meta.class))?.name ?? 'core';
    owners.set(owner, [...(owners.get(owner) ?? []), meta.tableName]);
  }
  return owners;
}

async function rowCounts(): Promise<string[]> {
  const connection = container.mellow.orm.em.getConnection();
  const lines: string[] = [];
  for (const [owner, tables] of [...tablesByOwner()].sort(([a], [b]) => a.localeCompare(b))) {
    const counts = await Promise.all(
      tables.sort().map(async (table) => {
        const [row] = await connection.execute<{ count: string }[]>(`select count(*) as count from "${table}"`);
        return `${table} ${Number(row.count).toLocaleString('en-US')}`;
      }),
    );
    lines.push(`• **${owner}**: ${counts.join(', ')}`);
  }
  return lines;
}

async function migrations(): Promise<string[]> {
  const { orm, plugins } = container.mellow;
  const lines: string[] = [];
  for (const plugin of plugins.active) {
    if (!plugin.manifest.migrations) continue;
    const status = await migrationStatus(orm, { owner: plugin.name, path: plugin.manifest.migrations });
    const pending = status.pending.length > 0 ? `, **${status.pending.length} pending**` : '';
    lines.push(`• **${plugin.name}**: ${status.executed.length} applied${pending}`);
  }
  for (const plugin of plugins.failed) lines.push(`• **${plugin.name}**: not loaded`);
  return lines;
}

function poolStats(): string {
  const knex = container.mellow.orm.em.getConnection().getKnex();
  const pool = (knex.client as { pool?: PoolLike }).pool;
  if (!pool) return 'not started';
  return `${pool.numUsed()} in use, ${pool.numFree()} idle, ${pool.numPendingAcquires()} waiting, max ${pool.max}`;
}

/** The database at a glance, for staff: latency, pool, size, rows per plugin and migrations. */
export async function databaseReport(): Promise<ReplyContent> {
  const connection = container.mellow.orm.em.getConnection();
  const [latency, [size], counts, migrationLines] = await Promise.all([
    measureLatency(),
    connection.execute<{ size: string }[]>('select pg_size_pretty(pg_database_size(current_database())) as size'),
    rowCounts(),
    migrations(),
  ]);
  return {
    outcome: latency.databaseMs === null ? 'warning' : 'info',
    title: 'Database',
    description: [
      `**Latency:** ${latency.databaseMs === null ? '**down**' : `${Math.round(latency.databaseMs)} ms`}`,
      `**Pool:** ${poolStats()}`,
      `**Size:** ${size.size}`,
      '',
      '**Rows per plugin:**',
      ...counts,
      '',
      '**Migrations:**',
      ...migrationLines,
    ].join('\n'),
  };
}
