import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { createWorld, eventually } from './setup/world';

describe('/settings', () => {
  let world: ReturnType<typeof createWorld>;
  before(() => (world = createWorld()));

  it('GIVEN an admin sets a prefix THEN message commands answer to it and not to the old one', async () => {
    const saved = await world.alice.slash(world.general, 'settings prefix', { value: 'm?' });
    assert.match(saved.text, /Prefix saved/);
    const sent = await world.bob.say(world.general, 'm?ping');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /Pong!/);
    const view = await world.alice.slash(world.general, 'settings view');
    assert.match(view.text, /Prefix:\*\* `m\?`/);
  });

  it('GIVEN a bad prefix THEN it is refused with an example and nothing changes', async () => {
    const refused = await world.alice.slash(world.general, 'settings prefix', { value: '@everyone' });
    assert.match(refused.text, /That prefix will not work/);
    const view = await world.alice.slash(world.general, 'settings view');
    assert.match(view.text, /`m\?`/);
  });

  it('GIVEN a log channel THEN plugin toggles are posted there, pinging nobody', async () => {
    const saved = await world.alice.slash(world.general, 'settings log-channel', { channel: world.logs.id });
    assert.match(saved.text, /Log channel saved/);
    await world.alice.slash(world.general, 'plugins disable', { plugin: 'dice' });
    const posted = await eventually(() => {
      const found = world.emu.messages(world.logs.id).find((message) => message.text.includes('Plugin dice disabled'));
      assert.ok(found);
      return found;
    });
    assert.deepEqual(posted.raw.mentions, []);
  });

  it('GIVEN a member without Manage Server THEN settings are refused', async () => {
    await assert.rejects(world.bob.slash(world.general, 'settings prefix', { value: '$' }), /cannot see \/settings/);
    const sent = await world.bob.say(world.general, 'm?settings prefix $');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /Manage Server/);
    const view = await world.alice.slash(world.general, 'settings view');
    assert.match(view.text, /`m\?`/);
  });

  it('GIVEN two settings changed at the same moment THEN both are kept, in memory and in the database', async () => {
    const guild = createWorld().guild;
    const { settings } = container.mellow;
    await Promise.all([
      settings.update(guild.id, { prefix: '?' }),
      settings.update(guild.id, { logChannelId: guild.channel('logs').id }),
    ]);
    const expected = { prefix: '?', logChannelId: guild.channel('logs').id };
    assert.deepEqual(settings.get(guild.id), expected);
    const [row] = await container.mellow.orm.em
      .getConnection()
      .execute<{ prefix: string; log_channel_id: string }[]>(
        'select prefix, log_channel_id from guild_settings where guild_id = ?',
        [guild.id],
      );
    assert.deepEqual({ prefix: row.prefix, logChannelId: row.log_channel_id }, expected);
  });
});
