import assert from 'node:assert/strict';
import { disabledNotice } from '../src/lib/plugins/gate';
import { createWorld } from './setup/world';

describe('/plugins', () => {
  let world: ReturnType<typeof createWorld>;
  before(() => (world = createWorld()));

  it('GIVEN an admin THEN /plugins list shows loaded plugins and failed ones with their reasons', async () => {
    const reply = await world.alice.slash(world.general, 'plugins list');
    assert.ok(reply.ephemeral, 'the list is private');
    assert.match(reply.text, /✅ \*\*gated\*\* 1\.0\.0/);
    assert.match(reply.text, /✅ \*\*dice\*\*/);
    assert.match(
      reply.text,
      /broken-import.*failed to load \(its index threw while loading: this plugin is broken on purpose\)/,
    );
    assert.match(reply.text, /bad-core.*needs Mellow core >=99\.0\.0/);
    assert.match(reply.text, /failing-migration.*a migration failed/);
    assert.match(reply.text, /piece-throws.*commands\/explode\.ts threw while loading: explode\.ts cannot load/);
  });

  it('GIVEN a plain member THEN Discord hides /plugins, and the message path refuses with a clear reason', async () => {
    await assert.rejects(world.bob.slash(world.general, 'plugins list'), /cannot see \/plugins/);
    for (const sub of ['list', 'enable gated', 'disable gated', 'info gated']) {
      const sent = await world.bob.say(world.general, `!plugins ${sub}`);
      const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
      assert.match(reply.text, /Only members with the \*\*Manage Server\*\* permission/);
    }
    const check = await world.alice.slash(world.general, 'plugins info', { plugin: 'gated' });
    assert.match(check.text, /✅ \*\*gated\*\*/, 'nothing changed');
  });

  it('GIVEN a member with Manage Server THEN they can disable and enable a plugin', async () => {
    const off = await world.carol.slash(world.general, 'plugins disable', { plugin: 'dice' });
    assert.match(off.text, /dice disabled/);
    const refused = await world.bob.slash(world.general, 'roll', { dice: 'd6' });
    assert.equal(refused.content, disabledNotice('dice'));
    assert.ok(refused.ephemeral);
    const again = await world.carol.slash(world.general, 'plugins disable', { plugin: 'dice' });
    assert.match(again.text, /already disabled/);
    const on = await world.carol.slash(world.general, 'plugins enable', { plugin: 'dice' });
    assert.match(on.text, /dice enabled/);
    const rolled = await world.bob.slash(world.general, 'roll', { dice: 'd6' });
    assert.match(rolled.text, /🎲 [1-6]/);
  });

  it('GIVEN the message path THEN !plugins list and !plugins disable work and are refused for members', async () => {
    const listed = await world.alice.say(world.general, '!plugins list');
    const listReply = await world.emu.waitForMessage({ channelId: world.general.id, after: listed.id });
    assert.match(listReply.text, /gated/);
    const denied = await world.bob.say(world.general, '!plugins disable gated');
    const deniedReply = await world.emu.waitForMessage({ channelId: world.general.id, after: denied.id });
    assert.match(deniedReply.text, /Manage Server/);
    const disabled = await world.alice.say(world.general, '!plugins disable gated');
    const disabledReply = await world.emu.waitForMessage({ channelId: world.general.id, after: disabled.id });
    assert.match(disabledReply.text, /gated disabled/);
    const enabled = await world.alice.say(world.general, '!plugins enable gated');
    const enabledReply = await world.emu.waitForMessage({ channelId: world.general.id, after: enabled.id });
    assert.match(enabledReply.text, /gated enabled/);
  });

  it('GIVEN unknown, failed or core names THEN the admin is told what exists and nothing changes', async () => {
    const unknown = await world.alice.slash(world.general, 'plugins enable', { plugin: 'nope' });
    assert.match(unknown.text, /There is no plugin named `nope`.*`gated`/s);
    const failed = await world.alice.slash(world.general, 'plugins enable', { plugin: 'broken-import' });
    assert.match(failed.text, /failed to load/);
    const core = await world.alice.slash(world.general, 'plugins disable', { plugin: 'core' });
    assert.match(core.text, /can't be disabled/);
    const empty = await world.alice.say(world.general, '!plugins enable');
    const emptyReply = await world.emu.waitForMessage({ channelId: world.general.id, after: empty.id });
    assert.match(emptyReply.text, /Which plugin\?/);
  });

  it('GIVEN an admin typing THEN plugin names autocomplete', async () => {
    const choices = await world.alice.autocomplete(world.general, 'plugins enable', 'plugin', 'ga');
    assert.ok(choices.some((choice) => choice.value === 'gated'));
    assert.ok(
      choices.every((choice) => String(choice.value).includes('ga')),
      'only names matching what was typed',
    );
    const all = await world.alice.autocomplete(world.general, 'plugins info', 'plugin', '');
    assert.ok(all.some((choice) => choice.name === 'broken-import (failed to load)'));
  });
});
