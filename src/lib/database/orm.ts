import { type AnyEntity, type EntityClass, MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { logger } from '../logging/logger';

export type Orm = MikroORM<PostgreSqlDriver>;

export interface OrmOptions {
  url: string;
  entities: EntityClass<AnyEntity>[];
  /** Connect now (default). Off to only validate entity metadata. */
  connect?: boolean;
  poolMax?: number;
}

/** One MikroORM instance for the core and every loaded plugin. The global EntityManager is off limits. */
export function createOrm({ url, entities, connect = true, poolMax = 10 }: OrmOptions): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities,
    connect,
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    debug: false,
    // Our own runner tracks migrations per plugin in this table; the schema diff must leave it alone.
    migrations: { tableName: 'mellow_migrations', snapshot: false, emit: 'ts' },
    extensions: [Migrator],
    logger: (message) => logger.debug(message),
  });
}

/** Runs a query with a deadline, for health checks and latency probes. Resolves to milliseconds. */
export async function pingDatabase(orm: Orm, timeoutMs = 1000): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([orm.em.getConnection().execute('select 1'), timeout]);
    return performance.now() - started;
  } finally {
    clearTimeout(timer);
  }
}
