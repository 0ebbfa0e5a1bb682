import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Migration } from '@mikro-orm/migrations';
import type { Orm } from './orm';

/** A folder of migrations and who owns it: `core` or a plugin name. Each owner is tracked on its own. */
export interface MigrationSource {
  owner: string;
  path: string;
}

export interface MigrationStatus {
  owner: string;
  executed: string[];
  pending: string[];
}

type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

const migrationName = (file: string) => basename(file).replace(/\.(ts|js)$/, '');

const TRACKING_TABLE = 'mellow_migrations';
/** Any constant shared by every Mellow process: migrations run one process at a time. */
const LOCK_KEY = 7_312_004;

/**
 * Migration files in a folder, oldest first. Both .ts (tsx) and .js (built) are accepted; when a
 * folder has both for one migration, the one matching how we run wins.
 */
export function listMigrationFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  const preferred = __filename.endsWith('.ts') ? '.ts' : '.js';
  const byName = new Map<string, string>();
  for (const file of readdirSync(path)) {
    if (!/\.(ts|js)$/.test(file) || file.endsWith('.d.ts')) continue;
    const name = migrationName(file);
    if (!byName.has(name) || file.endsWith(preferred)) byName.set(name, file);
  }
  return [...byName.keys()].sort().map((name) => byName.get(name)!);
}

function loadMigrationClass(file: string): MigrationClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
  const exports = require(file) as Record<string, unknown>;
  const found = Object.values(exports).find(
    (value): value is MigrationClass => typeof value === 'function' && value.prototype instanceof Migration,
  );
  if (!found) throw new Error(`${file} exports no class that extends Migration`);
  return found;
}

async function ensureTrackingTable(orm: Orm): Promise<void> {
  await orm.em.getConnection().execute(
    `create table if not exists "${TRACKING_TABLE}" (
      "owner" varchar(64) not null,
      "name" varchar(255) not null,
      "executed_at" timestamptz not null default now(),
      primary key ("owner", "name"))`,
  );
}

async function executedNames(orm: Orm, owner: string): Promise<Set<string>> {
  const rows = await orm.em
    .getConnection()
    .execute<{ name: string }[]>(`select "name" from "${TRACKING_TABLE}" where "owner" = ?`, [owner]);
  return new Set(rows.map((row) => row.name));
}

export async function migrationStatus(orm: Orm, source: MigrationSource): Promise<MigrationStatus> {
  await ensureTrackingTable(orm);
  const done = await executedNames(orm, source.owner);
  const names = listMigrationFiles(source.path).map(migrationName);
  return {
    owner: source.owner,
    executed: names.filter((name) => done.has(name)),
    pending: names.filter((name) => !done.has(name)),
  };
}

/**
 * Applies an owner's pending migrations, all in one transaction: either every pending migration of
 * that owner lands, or none does. An advisory lock keeps two starting processes from racing.
 * Returns the names that ran.
 */
export async function runMigrations(orm: Orm, source: MigrationSource): Promise<string[]> {
  await ensureTrackingTable(orm);
  const files = listMigrationFiles(source.path);
  if (files.length === 0) return [];
  const connection = orm.em.getConnection();
  const driver = orm.em.getDriver();
  return connection.transactional(async (tx) => {
    await connection.execute('select pg_advisory_xact_lock(?)', [LOCK_KEY], 'all', tx);
    const rows = await connection.execute<{ name: string }[]>(
      `select "name" from "${TRACKING_TABLE}" where "owner" = ?`,
      [source.owner],
      'all',
      tx,
    );
    const done = new Set(rows.map((row) => row.name));
    const ran: string[] = [];
    for (const file of files) {
      const name = migrationName(file);
      if (done.has(name)) continue;
      const MigrationCtor = loadMigrationClass(resolve(source.path, file));
      const migration = new MigrationCtor(driver, orm.config);
      migration.reset();
      migration.setTransactionContext(tx);
      await migration.up();
      for (const query of migration.getQueries()) {
        if (typeof query === 'string' && query.trim() === '') continue;
        await driver.execute(query, undefined, 'all', tx);
      }
      await connection.execute(
        `insert into "${TRACKING_TABLE}" ("owner", "name") values (?, ?)`,
        [source.owner, name],
        'all',
        tx,
      );
      ran.push(name);
    }
    return ran;
  });
}
