import assert from 'node:assert/strict';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../src/testkit/database';
import { DiscordEmulator } from '../../../src/testkit/emulator';
import { clearRedisPrefix, newRedisPrefix } from '../../../src/testkit/redis';
import { type Child, runTs } from '../../../test/childProcess';
import { eventually } from '../../../test/setup/world';
import { reminderIdOf } from './helpers';

/**
 * The real startup path: a bot in a child process (as `npm start` runs it) is killed with SIGKILL, reminders
 * fall due while it is down, and a new process recovers them.
 */
describe('reminders: a restart', () => {
  let emu: DiscordEmulator;
  let database: TestDatabase;
  let sql: Client;
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = newRedisPrefix();
  let child: Child | undefined;

  const start = async () => {
    const identified = emu.gateway.identifyCount;
    child = runTs('src/index.ts', {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      HEALTH_PORT: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PLUGINS: '',
      REMINDERS_SENDING_LEASE_SECONDS: '1',
      REMINDERS_LATE_NOTE_SECONDS: '2',
    });
    // A fresh session, not the previous process's.
    await eventually(() => assert.ok(emu.gateway.identifyCount > identified), 90_000, 100);
    await emu.gateway.waitForReady(60_000);
  };

  before(async function () {
    this.timeout(30_000);
    emu = await DiscordEmulator.start();
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    console.log(child?.output().slice(-4000));
    console.log((await sql.query('select id, state, due_at, claimed_at from reminders_reminder')).rows);
  });

  after(async function () {
    this.timeout(30_000);
    child?.process.kill('SIGKILL');
    await child?.exit;
    await sql.end();
    await emu.stop();
    await database.drop();
    await clearRedisPrefix(redisUrl, redisPrefix);
  });

  it('GIVEN reminders fell due while the bot was down, and one was sent but not recorded THEN each arrives exactly once, late ones say so', async function () {
    this.timeout(240_000);
    await start();
    const alice = emu.users.create({ username: 'restart-alice' });
    const guild = emu.guilds.create({ name: 'Restart', owner: alice, channels: ['general'] });
    const general = guild.channel('general');
    await eventually(() => assert.ok(emu.commands.global().some((command) => command.name === 'remind')), 60_000, 200);
    const dmsWith = (text: string) => emu.dms(alice).filter((message) => message.text.includes(text));

    const sentBeforeCrash = reminderIdOf(
      (
        await alice.slash(
          general,
          'remind me',
          { when: 'in 1 second', what: 'sent before the crash' },
          { timeout: 10_000 },
        )
      ).text,
    );
    await eventually(() => assert.equal(dmsWith('sent before the crash').length, 1), 15_000);
    const interrupted = reminderIdOf(
      (await alice.slash(general, 'remind me', { when: 'in 1 hour', what: 'claimed, never sent' })).text,
    );
    const missed = reminderIdOf(
      (await alice.slash(general, 'remind me', { when: 'in 4 seconds', what: 'due while down' })).text,
    );
    await eventually(async () => {
      const { rows } = await sql.query('select state from reminders_reminder where id = $1', [sentBeforeCrash]);
      assert.equal(rows[0].state, 'sent');
    });

    child!.process.kill('SIGKILL');
    await child!.exit;
    // As a crash between sending and recording leaves them: claimed ("sending"), one of them already in the DM.
    await sql.query(
      `update reminders_reminder set state = 'sending', claimed_at = now() - interval '5 minutes' where id = $1`,
      [sentBeforeCrash],
    );
    await sql.query(
      `update reminders_reminder set state = 'sending', claimed_at = now() - interval '5 minutes', due_at = now() - interval '3 hours' where id = $1`,
      [interrupted],
    );
    await new Promise((done) => setTimeout(done, 5_000));

    await start();
    await eventually(() => assert.equal(dmsWith('due while down').length, 1), 60_000, 100);
    await eventually(() => assert.equal(dmsWith('claimed, never sent').length, 1), 60_000, 100);
    assert.match(dmsWith('due while down')[0].text, /late: the bot was offline/);
    assert.match(dmsWith('claimed, never sent')[0].text, /3 h late: the bot was offline/);
    await eventually(async () => {
      const { rows } = await sql.query('select id, state from reminders_reminder where id = any($1) order by id', [
        [sentBeforeCrash, interrupted, missed],
      ]);
      assert.deepEqual(
        rows.map((row: { state: string }) => row.state),
        ['sent', 'sent', 'sent'],
      );
    }, 10_000);
    await new Promise((done) => setTimeout(done, 1_000));
    assert.equal(dmsWith('sent before the crash').length, 1, 'found in the DM history, so not sent again');
    assert.equal(dmsWith('due while down').length, 1);
    assert.equal(dmsWith('claimed, never sent').length, 1);
  });
});
