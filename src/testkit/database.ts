import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../lib/database/embedded';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The server tests create their databases on: TEST_DATABASE_URL, else the local PostgreSQL. Never ./data. */
export const testServerUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The local server when it answers; otherwise (and only when no server was named) an embedded
 * PostgreSQL in a temporary folder, so the tests also run on a machine without PostgreSQL.
 */
async function reachableServer(): Promise<{ url: string; stop?: () => Promise<void> }> {
  const url = testServerUrl();
  const probe = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    return { url };
  } catch (error) {
    if (process.env.TEST_DATABASE_URL) throw error;
    const embedded = await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'mellow-test-pg-')));
    const adminUrl = new URL(embedded.url);
    adminUrl.pathname = '/postgres';
    return { url: adminUrl.toString(), stop: embedded.stop };
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** A fresh, empty database for one test run, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = await reachableServer();
  const serverUrl = server.url;
  const name = `mellow_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
      await server.stop?.();
    },
  };
}
