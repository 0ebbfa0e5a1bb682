import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { container } from '@sapphire/framework';
import { DiscordEmulator } from '../src/testkit/emulator';
import { disabledNotice } from '../src/lib/plugins/gate';
import { newRedisPrefix, clearRedisPrefix } from '../src/testkit/redis';
import { runTs } from './childProcess';
import { bot } from './setup/bot';
import { createWorld, eventually } from './setup/world';

const fixture = (name: string) => resolve(__dirname, 'fixtures', name);

/** The environment a child bot process gets: the test database, its own Redis prefix, no .env leaks. */
function childEnv(emu: DiscordEmulator, extra: Record<string, string> = {}) {
  return {
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    DATABASE_URL: bot().database.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: newRedisPrefix(),
    HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    PLUGINS: '',
    OWNER_IDS: '',
    ...extra,
  };
}

describe('processes', () => {
  it('GIVEN a second process switches a plugin off THEN the running bot refuses its commands without a restart', async () => {
    const world = createWorld();
    const child = runTs('test/fixtures/toggle-plugin.ts', {}, [bot().database.url, world.guild.id, 'gated', 'off']);
    let seenAt = 0;
    await eventually(
      () => {
        assert.equal(container.mellow.pluginStates.cache.isEnabled('gated', true, world.guild.id), false);
        seenAt = Date.now();
      },
      10_000,
      2,
    );
    assert.equal(await child.exit, 0, child.output());
    const committedAt = Number(/changed at (\d+)/.exec(child.output())?.[1]);
    const reply = await world.bob.slash(world.general, 'gated-echo', { text: 'x' });
    assert.equal(reply.content, disabledNotice('gated'));
    // Informational: commit in one process to the other process's cache, polled every 2 ms.
    process.stdout.write(`      (toggle reached the bot ${Math.max(0, seenAt - committedAt)} ms after the commit)\n`);
  });

  describe('a bot started with npm start', () => {
    let emu: DiscordEmulator;
    let env: ReturnType<typeof childEnv>;
    before(async () => {
      emu = await DiscordEmulator.start();
      env = childEnv(emu, { PLUGINS: fixture('plugins/gated') });
    });
    after(async () => {
      await emu.stop();
      await clearRedisPrefix(env.REDIS_URL, env.REDIS_PREFIX);
    });

    it('GIVEN SIGTERM while a command runs THEN the command finishes, then the process exits 0', async function () {
      this.timeout(60_000);
      const child = runTs('src/index.ts', env);
      await emu.gateway.waitForReady(30_000);
      const alice = emu.users.create({ username: 'alice' });
      const guild = emu.guilds.create({ name: 'Shutdown', owner: alice, channels: ['general'] });
      await eventually(() => assert.ok(emu.commands.global().some((command) => command.name === 'gated-slow')), 20_000);
      const reply = alice.slash(guild.channel('general'), 'gated-slow', {}, { timeout: 10_000 });
      await eventually(() => assert.ok(emu.requests.some((request) => request.path.includes('/callback'))));
      child.process.kill('SIGTERM');
      assert.equal((await reply).content, 'finished after the pause');
      assert.equal(await child.exit, 0, child.output());
      assert.match(child.output(), /Shut down cleanly/);
      assert.doesNotMatch(
        child.output(),
        new RegExp(emu.token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        'the token is never logged',
      );
    });
  });

  it('GIVEN two plugins with a piece of the same name THEN startup fails naming both', async function () {
    this.timeout(60_000);
    const emu = await DiscordEmulator.start();
    try {
      const env = childEnv(emu, { PLUGINS: `${fixture('collision/a')},${fixture('collision/b')}` });
      const child = runTs('src/index.ts', env);
      assert.equal(await child.exit, 1);
      assert.match(child.output(), /both named "shared"/);
      assert.match(child.output(), /collision\/a\/listeners\/shared\.ts \(plugin collide-a\)/);
      assert.match(child.output(), /collision\/b\/listeners\/shared\.ts \(plugin collide-b\)/);
      await clearRedisPrefix(env.REDIS_URL, env.REDIS_PREFIX);
    } finally {
      await emu.stop();
    }
  });
});
