import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DiscordEmulator } from '../src/testkit/emulator';
import { newRedisPrefix } from '../src/testkit/redis';
import { runTs } from './childProcess';
import { bot } from './setup/bot';
import { eventually } from './setup/world';

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** A Redis of this test's own, so stopping it disturbs nobody else. */
function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
}

const stopRedis = (redis: ChildProcess) =>
  new Promise<void>((done) => {
    redis.once('exit', () => done());
    redis.kill('SIGKILL');
  });

describe('when Redis goes away', () => {
  let emu: DiscordEmulator;
  let redis: ChildProcess | undefined;
  let child: ReturnType<typeof runTs>;
  let redisPort: number;
  let health: string;

  before(async function () {
    this.timeout(60_000);
    emu = await DiscordEmulator.start();
    // Redis is not running yet: the bot must start anyway.
    redisPort = await freePort();
    const healthPort = await freePort();
    health = `http://127.0.0.1:${healthPort}/health`;
    child = runTs('src/index.ts', {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      DATABASE_URL: bot().database.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: newRedisPrefix(),
      HEALTH_PORT: String(healthPort),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PLUGINS: resolve(__dirname, 'fixtures/plugins/gated'),
    });
    await emu.gateway.waitForReady(30_000);
  });

  after(async function () {
    this.timeout(20_000);
    child.process.kill('SIGTERM');
    assert.equal(await child.exit, 0, child.output());
    if (redis && redis.exitCode === null) await stopRedis(redis);
    await emu.stop();
  });

  const expectSchedulerDown = async () => {
    const body = await eventually(async () => {
      const response = await fetch(health);
      assert.equal(response.status, 503);
      return (await response.json()) as Record<string, { up: boolean }>;
    }, 10_000);
    assert.deepEqual([body.gateway.up, body.database.up, body.scheduler.up], [true, true, false]);
  };

  it('GIVEN Redis is unreachable at startup THEN the bot starts, answers, and reports the scheduler down once', async function () {
    this.timeout(30_000);
    await expectSchedulerDown();
    const alice = emu.users.create({ username: 'starter' });
    const guild = emu.guilds.create({ name: 'No Redis yet', owner: alice, channels: ['general'] });
    const pong = await alice.slash(guild.channel('general'), 'ping', {}, { timeout: 10_000 });
    assert.match(pong.text, /Pong!/);
    assert.equal(child.output().split('Scheduler (Redis) is down').length - 1, 1, 'the outage is logged once');

    redis = startRedis(redisPort);
    await eventually(async () => assert.equal((await fetch(health)).status, 200), 15_000);
  });

  it('GIVEN Redis stops THEN commands still work and /health and /status say the scheduler is down', async function () {
    this.timeout(30_000);
    await stopRedis(redis!);
    await expectSchedulerDown();

    const alice = emu.users.create({ username: 'alice' });
    const guild = emu.guilds.create({ name: 'Outage', owner: alice, channels: ['general'] });
    await eventually(() => assert.ok(emu.commands.global().some((command) => command.name === 'status')), 10_000);
    const pong = await alice.slash(guild.channel('general'), 'ping');
    assert.match(pong.text, /Pong!/);
    const status = await alice.slash(guild.channel('general'), 'status');
    assert.match(status.text, /\*\*Scheduler:\*\* \*\*down\*\*/);
  });

  it('GIVEN Redis comes back THEN health recovers and plugins are asked to reconcile their jobs', async function () {
    this.timeout(30_000);
    const reconciles = () => child.output().split('gated: reconcile requested').length - 1;
    const before = reconciles();
    redis = startRedis(redisPort);
    await eventually(async () => assert.equal((await fetch(health)).status, 200), 15_000);
    await eventually(() => assert.equal(reconciles(), before + 1), 10_000);
  });
});
