import assert from 'node:assert/strict';
import { createWorld } from './setup/world';

describe('/privacy', () => {
  let world: ReturnType<typeof createWorld>;
  before(() => (world = createWorld()));

  const exportOf = async (user: typeof world.bob) => {
    const reply = await user.slash(world.general, 'privacy export');
    assert.ok(reply.ephemeral, 'an export is private');
    const [file] = reply.attachments;
    assert.ok(file, 'the export comes as a file');
    return JSON.parse(file.text) as { userId: string; plugins: Record<string, unknown> };
  };

  it('GIVEN a user with plugin data THEN the export holds it, and delete erases it after a confirm', async () => {
    await world.bob.slash(world.general, 'gated-echo', { text: 'my secret note' });
    const before = await exportOf(world.bob);
    assert.equal(before.userId, world.bob.id);
    assert.deepEqual(before.plugins.gated, [{ text: 'my secret note' }]);

    const prompt = await world.bob.slash(world.general, 'privacy delete');
    assert.ok(prompt.ephemeral);
    assert.match(prompt.text, /cannot be undone/);
    const confirmId = `core.privacy.delete:${world.bob.id}`;
    const done = await world.bob.click(prompt.message!, confirmId);
    assert.match(done.text, /gated: 1/);
    // The fixture plugins that failed to load can't be asked, and the user is told so.
    assert.match(done.text, /Partly erased.*not running or failed.*broken-import/s);

    const after = await exportOf(world.bob);
    assert.deepEqual(after.plugins.gated, []);
  });

  it('GIVEN the user presses Keep it THEN nothing is erased', async () => {
    await world.carol.slash(world.general, 'gated-echo', { text: 'carol note' });
    const prompt = await world.carol.slash(world.general, 'privacy delete');
    const kept = await world.carol.click(prompt.message!, `core.privacy.cancel:${world.carol.id}`);
    assert.match(kept.text, /Nothing was erased/);
    const data = await exportOf(world.carol);
    assert.deepEqual(data.plugins.gated, [{ text: 'carol note' }]);
  });

  it('GIVEN the message path THEN the export goes by DM, never into the channel, and closed DMs get a hint', async () => {
    const sent = await world.carol.say(world.general, '!privacy export');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /Sent by DM/);
    assert.equal(reply.attachments.length, 0);
    const [dm] = world.emu.dms(world.carol);
    assert.equal(JSON.parse(dm.attachments[0].text).userId, world.carol.id);

    world.emu.closeDms(world.carol);
    const again = await world.carol.say(world.general, '!privacy export');
    const refused = await world.emu.waitForMessage({ channelId: world.general.id, after: again.id });
    assert.match(refused.text, /I could not DM you.*\/privacy export/s);
  });
});
