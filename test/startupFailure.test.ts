import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordEmulator } from '../src/testkit/emulator';
import { clearRedisPrefix, newRedisPrefix } from '../src/testkit/redis';
import { runTs } from './childProcess';

/** Processes whose command line mentions a path: a leftover embedded PostgreSQL would. */
const processesUsing = (path: string) => {
  try {
    return execFileSync('pgrep', ['-f', path], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

describe('a start that fails half way', () => {
  it('GIVEN a wrong token and the embedded database THEN it explains, exits 1, and leaves no PostgreSQL running', async function () {
    this.timeout(90_000);
    const emu = await DiscordEmulator.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'mellow-start-fail-'));
    // As root, the embedded server runs as the postgres user, which must be able to enter the folder.
    chmodSync(dataDir, 0o755);
    const wrongToken = `${'W'.repeat(24)}.Gxxxxx.${'z'.repeat(30)}`;
    const redisPrefix = newRedisPrefix();
    try {
      const child = runTs('src/index.ts', {
        DISCORD_TOKEN: wrongToken,
        DISCORD_API_URL: emu.apiUrl,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        REDIS_PREFIX: redisPrefix,
        HEALTH_PORT: '0',
        LOG_LEVEL: 'warn',
      });
      assert.equal(await child.exit, 1);
      const output = child.output();
      assert.match(output, /Mellow can't start: Discord rejected DISCORD_TOKEN/);
      assert.ok(existsSync(join(dataDir, 'postgres', 'PG_VERSION')), 'the embedded database was created');
      assert.equal(processesUsing(dataDir), '', 'the embedded PostgreSQL was stopped');
      assert.ok(!output.includes(wrongToken), 'the token is never printed');
      assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
    } finally {
      await emu.stop();
      await clearRedisPrefix('redis://127.0.0.1:6379', redisPrefix);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
