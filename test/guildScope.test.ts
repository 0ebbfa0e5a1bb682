import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { DiscordEmulator } from '../src/testkit/emulator';
import { clearRedisPrefix, newRedisPrefix } from '../src/testkit/redis';
import { runTs } from './childProcess';
import { bot } from './setup/bot';
import { eventually } from './setup/world';

describe('COMMAND_SCOPE=guild', () => {
  let emu: DiscordEmulator;
  let env: Record<string, string>;
  let child: ReturnType<typeof runTs> | undefined;

  const start = async () => {
    child = runTs('src/index.ts', env);
    await emu.gateway.waitForReady(30_000);
  };
  const stop = async () => {
    child?.process.kill('SIGTERM');
    assert.equal(await child?.exit, 0, child?.output());
    child = undefined;
  };
  // Only the fixture's commands: built-in plugins may add their own.
  const guildCommandNames = (guildId: string) =>
    emu.commands
      .guild(guildId)
      .map((command) => command.name)
      .filter((name) => name.startsWith('gated-'))
      .sort();

  before(async () => {
    emu = await DiscordEmulator.start();
    env = {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      DATABASE_URL: bot().database.url,
      REDIS_PREFIX: newRedisPrefix(),
      HEALTH_PORT: '0',
      LOG_LEVEL: 'error',
      PLUGINS: resolve(__dirname, 'fixtures/plugins/gated'),
      COMMAND_SCOPE: 'guild',
    };
  });

  after(async function () {
    this.timeout(20_000);
    if (child) await stop();
    await emu.stop();
    await clearRedisPrefix('redis://127.0.0.1:6379', env.REDIS_PREFIX);
  });

  it('GIVEN guild scope THEN plugin commands live in each guild, appear and vanish with the switch, and a restart creates nothing', async function () {
    this.timeout(90_000);
    const alice = emu.users.create({ username: 'alice' });
    const guild = emu.guilds.create({ name: 'Scoped', owner: alice, channels: ['general'] });
    await start();
    await eventually(
      () => assert.deepEqual(guildCommandNames(guild.id), ['gated-echo', 'gated-slow', 'gated-sub']),
      20_000,
    );
    const globals = emu.commands.global().map((command) => command.name);
    assert.ok(globals.includes('plugins') && !globals.includes('gated-echo'), 'core stays global, plugins do not');

    const initialCreates = emu.commands.createsToday(guild.id);
    const off = await alice.slash(guild.channel('general'), 'plugins disable', { plugin: 'gated' });
    assert.match(off.text, /gated disabled/);
    assert.deepEqual(guildCommandNames(guild.id), [], 'gone from the picker');
    await alice.slash(guild.channel('general'), 'plugins enable', { plugin: 'gated' });
    assert.deepEqual(guildCommandNames(guild.id), ['gated-echo', 'gated-slow', 'gated-sub']);
    assert.equal(
      emu.commands.createsToday(guild.id) - initialCreates,
      3,
      'only the three switched commands were created again',
    );
    const echoed = await alice.slash(guild.channel('general'), 'gated-echo', { text: 'scoped' });
    assert.equal(echoed.content, 'echo: scoped');
    const createsBefore = emu.commands.createsToday(guild.id);

    await stop();
    await start();
    const newcomer = emu.guilds.create({ name: 'Joined later', owner: alice, channels: ['general'] });
    await eventually(
      () => assert.deepEqual(guildCommandNames(newcomer.id), ['gated-echo', 'gated-slow', 'gated-sub']),
      20_000,
    );
    assert.equal(emu.commands.createsToday(guild.id), createsBefore, 'an unchanged restart creates no commands');
  });
});
