import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { disabledNotice } from '../src/lib/plugins/gate';
import { createWorld, eventually } from './setup/world';

describe('per-guild plugin switch', () => {
  let world: ReturnType<typeof createWorld>;
  let other: ReturnType<typeof createWorld>;
  const notice = disabledNotice('gated');

  before(async () => {
    world = createWorld();
    other = createWorld();
    const reply = await world.alice.slash(world.general, 'plugins disable', { plugin: 'gated' });
    assert.match(reply.text, /gated disabled/);
  });

  it('GIVEN the plugin is off THEN its slash command answers privately with the notice', async () => {
    const reply = await world.bob.slash(world.general, 'gated-echo', { text: 'hi' });
    assert.equal(reply.content, notice);
    assert.ok(reply.ephemeral);
  });

  it('GIVEN the plugin is off THEN its message command answers with the notice', async () => {
    const sent = await world.bob.say(world.general, '!gated-echo hi');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.equal(reply.content, notice);
  });

  it('GIVEN the plugin is off THEN its autocomplete returns nothing', async () => {
    assert.deepEqual(await world.bob.autocomplete(world.general, 'gated-echo', 'text', 'h'), []);
    assert.deepEqual(await other.bob.autocomplete(other.general, 'gated-echo', 'text', 'h'), [
      { name: 'hello', value: 'hello' },
    ]);
  });

  it('GIVEN the plugin is off THEN its buttons are refused with the notice', async () => {
    // A message with the plugin's button, posted while the plugin was on.
    await world.alice.slash(world.general, 'plugins enable', { plugin: 'gated' });
    const withButton = await world.bob.slash(world.general, 'gated-echo', { text: 'before' });
    await world.alice.slash(world.general, 'plugins disable', { plugin: 'gated' });
    const refused = await world.bob.click(withButton.message!, 'gated.button');
    assert.equal(refused.content, notice);
    assert.ok(refused.ephemeral);
    const echoed = await other.bob.slash(other.general, 'gated-echo', { text: 'button please' });
    const pressed = await other.bob.click(echoed.message, 'gated.button');
    assert.equal(pressed.content, 'button works');
  });

  it('GIVEN the plugin is off THEN its listeners ignore that guild but not others', async () => {
    const ignored = await world.bob.say(world.general, 'gated ping');
    const heard = await other.bob.say(other.general, 'gated ping');
    const pong = await other.emu.waitForMessage({ channelId: other.general.id, after: heard.id });
    assert.equal(pong.content, 'gated pong');
    // By the time the other guild's pong arrived, the disabled guild's one would have too.
    assert.ok(
      !world.emu
        .messages(world.general.id)
        .some((message) => message.id > ignored.id && message.content === 'gated pong'),
    );
  });

  it('GIVEN the plugin is off THEN its scheduled tasks do not act in that guild', async () => {
    await container.tasks.create(
      { name: 'gatedTask', payload: { guildId: world.guild.id, channelId: world.general.id } },
      0,
    );
    await container.tasks.create(
      { name: 'gatedTask', payload: { guildId: other.guild.id, channelId: other.general.id } },
      0,
    );
    await eventually(() =>
      assert.ok(other.emu.messages(other.general.id).some((message) => message.content === 'task ran')),
    );
    await container.tasks.create(
      { name: 'gatedTask', payload: { guildId: other.guild.id, channelId: other.general.id } },
      50,
    );
    await eventually(() =>
      assert.equal(other.emu.messages(other.general.id).filter((m) => m.content === 'task ran').length, 2),
    );
    assert.ok(!world.emu.messages(world.general.id).some((message) => message.content === 'task ran'));
  });

  it('GIVEN the plugin is switched back on THEN everything works again', async () => {
    await world.alice.slash(world.general, 'plugins enable', { plugin: 'gated' });
    const reply = await world.bob.slash(world.general, 'gated-echo', { text: 'back' });
    assert.equal(reply.content, 'echo: back');
    assert.deepEqual(await world.bob.autocomplete(world.general, 'gated-echo', 'text', 'h'), [
      { name: 'hello', value: 'hello' },
    ]);
    const pressed = await world.bob.click(reply.message, 'gated.button');
    assert.equal(pressed.content, 'button works');
  });
});
