import assert from 'node:assert/strict';
import { createWorld } from './setup/world';

describe('/help, /status and /ping', () => {
  let world: ReturnType<typeof createWorld>;
  before(() => (world = createWorld()));

  it('GIVEN a plugin is off THEN /help leaves it out and still lists core and the other plugins', async () => {
    const before = await world.bob.slash(world.general, 'help');
    assert.ok(before.ephemeral);
    assert.match(before.text, /\*\*core\*\*/);
    assert.match(before.text, /`\/plugins`/);
    assert.match(before.text, /\*\*dice\*\*\n`\/roll`/);
    assert.match(before.text, /\*\*gated\*\*/);
    await world.alice.slash(world.general, 'plugins disable', { plugin: 'gated' });
    const after = await world.bob.slash(world.general, 'help');
    assert.doesNotMatch(after.text, /gated/);
    assert.match(after.text, /\*\*dice\*\*/);
    await world.alice.slash(world.general, 'plugins enable', { plugin: 'gated' });
  });

  it('GIVEN the message path THEN !help answers in the channel with the prefix to use', async () => {
    const sent = await world.bob.say(world.general, '!help');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /with the prefix `!`/);
  });

  it('GIVEN /status THEN it shows gateway, uptime, memory, guilds, database, scheduler and plugins', async () => {
    const reply = await world.bob.slash(world.general, 'status');
    for (const label of ['Gateway ping', 'Uptime', 'Memory', 'Guilds', 'Database', 'Scheduler', 'Plugins']) {
      assert.match(reply.text, new RegExp(`\\*\\*${label}:\\*\\*`));
    }
    assert.match(reply.text, /\*\*Database:\*\* \d+ ms/);
    assert.match(reply.text, /\*\*Scheduler:\*\* \d+ ms/);
    assert.match(reply.text, /\d+ loaded, 4 failed \(see `\/plugins list`\)/);
  });

  it('GIVEN user text with mentions THEN no reply can ping anyone', async () => {
    const sent = await world.bob.say(world.general, '!roll @everyone');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /I cannot roll that/);
    const botMessages = world.emu.requests.filter(
      (request) => request.method === 'POST' && /\/channels\/\d+\/messages$/.test(request.path),
    );
    assert.ok(botMessages.length > 0);
    for (const request of botMessages) {
      assert.deepEqual((request.body as { allowed_mentions?: { parse?: unknown[] } }).allowed_mentions?.parse, []);
    }
  });
});
