import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SecretBox, encryptionKey, secretBox, setSecretBox } from '../../../src/lib/crypto';
import { bot } from '../../../test/setup/bot';
import { SEALED } from '../lib/secrets';
import { copingWorld, eventually, sql } from './helpers';

interface Export {
  plugins: { coping: Record<string, unknown> & { toolbox: { text: string }[]; crisisEvents: { level: string }[] } };
}

describe('coping data: export, delete, keys', () => {
  let world: ReturnType<typeof copingWorld>;
  before(() => (world = copingWorld()));
  after(() => sql('delete from "coping_crisis_event" where "guild_id" = ?', [world.guild.id]));

  const exportOf = async (user: typeof world.bob) => {
    const reply = await user.slash(world.general, 'privacy export');
    return JSON.parse(reply.attachments[0]!.text) as Export;
  };

  it('GIVEN coping data THEN /privacy export holds it decrypted, and /privacy delete erases it after the confirm', async () => {
    await world.alice.slash(world.general, 'coping settings', { detection: 'on', 'alert-channel': world.logs.id });
    await world.bob.slash(world.general, 'toolbox add', { tool: 'stretching by the window' });
    await world.bob.slash(world.general, 'plan create');
    await world.bob.submitModal(world.general, 'coping.plan.save', { help: 'my neighbour Jo' });
    await world.bob.slash(world.general, 'coping optout');
    await world.bob.slash(world.general, 'coping optin');
    await world.bob.say(world.general, 'i want to die');
    const alert = await world.emu.waitForMessage({ channelId: world.logs.id });
    await world.carol.click(alert, alert.customIds[0]!);

    const data = (await exportOf(world.bob)).plugins.coping;
    assert.deepEqual(
      data.toolbox.map((tool) => tool.text),
      ['stretching by the window'],
    );
    assert.equal((data.plan as { help: string }).help, 'my neighbour Jo');
    assert.equal(data.crisisEvents[0]!.level, 'high');
    assert.ok(!('messageText' in data.crisisEvents[0]!), 'the server does not keep message text');
    assert.equal((await exportOf(world.carol)).plugins.coping.alertsYouHandled instanceof Array, true);

    const prompt = await world.bob.slash(world.general, 'privacy delete');
    const done = await world.bob.click(prompt.message!, `core.privacy.delete:${world.bob.id}`);
    assert.match(done.text, /coping: [1-9]/);
    const after = (await exportOf(world.bob)).plugins.coping;
    assert.deepEqual(after.toolbox, []);
    assert.equal(after.plan, null);
    assert.deepEqual(after.crisisEvents, []);
    for (const table of ['coping_toolbox_item', 'coping_plan', 'coping_dm_cooldown', 'coping_crisis_event']) {
      assert.deepEqual(await sql(`select 1 from "${table}" where "user_id" = ?`, [world.bob.id]), [], table);
    }
  });

  it('GIVEN the server keeps message text THEN the event holds it sealed and the export returns it to the user', async () => {
    await world.alice.slash(world.general, 'coping settings', { detection: 'on', 'keep-text': 'on' });
    try {
      await world.carol.say(world.general, 'i want to disappear forever');
      const [row] = await eventually(async () => {
        const rows = await sql<{ details: string }>('select "details" from "coping_crisis_event" where "user_id" = ?', [
          world.carol.id,
        ]);
        assert.equal(rows.length, 1);
        return rows;
      });
      assert.doesNotMatch(row!.details, /disappear/);
      const data = (await exportOf(world.carol)).plugins.coping as { crisisEvents: { messageText?: string }[] };
      assert.equal(data.crisisEvents[0]!.messageText, 'i want to disappear forever');
    } finally {
      await world.alice.slash(world.general, 'coping settings', { 'keep-text': 'off' });
      await sql('delete from "coping_dm_cooldown" where "user_id" = ?', [world.carol.id]);
    }
  });

  it('GIVEN a value sealed with a key that is gone THEN it is treated as absent with a clear message, not a crash', async () => {
    const lost = new SecretBox(encryptionKey(randomBytes(32)));
    await sql('insert into "coping_toolbox_item" ("user_id", "text", "created_at") values (?, ?, now())', [
      world.alice.id,
      lost.seal('unreachable tool', SEALED.toolbox),
    ]);
    await sql(
      'insert into "coping_plan" ("user_id", "content", "created_at", "updated_at") values (?, ?, now(), now())',
      [world.alice.id, lost.seal('{}', SEALED.plan)],
    );
    try {
      const list = await world.alice.slash(world.general, 'toolbox list');
      assert.match(list.text, /1 tool\(s\) were stored with an encryption key that is no longer configured/);
      const plan = await world.alice.slash(world.general, 'plan view');
      assert.match(plan.text, /can't read your saved plan.*\/plan edit/s);
      const data = (await exportOf(world.alice)).plugins.coping;
      assert.match(String(data.toolboxUnreadable), /no longer configured/);
    } finally {
      await sql('delete from "coping_toolbox_item" where "user_id" = ?', [world.alice.id]);
      await sql('delete from "coping_plan" where "user_id" = ?', [world.alice.id]);
    }
  });

  it('GIVEN a key rotation THEN resealSecrets seals old values with the new key and they still read', async () => {
    const original = secretBox();
    const oldKey = encryptionKey(randomBytes(32));
    const newKey = encryptionKey(randomBytes(32));
    await sql('insert into "coping_toolbox_item" ("user_id", "text", "created_at") values (?, ?, now())', [
      world.carol.id,
      new SecretBox(oldKey).seal('rotated tool', SEALED.toolbox),
    ]);
    setSecretBox(new SecretBox(newKey, [oldKey]));
    try {
      const plugin = bot().mellow.services.plugins.getActive('coping')!;
      assert.ok((await plugin.manifest.hooks!.resealSecrets!(plugin.context)) >= 1);
      const [row] = await sql<{ text: string }>('select "text" from "coping_toolbox_item" where "user_id" = ?', [
        world.carol.id,
      ]);
      assert.equal(row!.text.split(':')[2], newKey.id);
      assert.match((await world.carol.slash(world.general, 'toolbox list')).text, /rotated tool/);
    } finally {
      setSecretBox(original);
      await sql('delete from "coping_toolbox_item" where "user_id" = ?', [world.carol.id]);
    }
  });
});
