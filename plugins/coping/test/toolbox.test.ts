import assert from 'node:assert/strict';
import { TOOLBOX_MAX } from '../lib/toolbox';
import { copingWorld, sql } from './helpers';

describe('/toolbox', () => {
  let world: ReturnType<typeof copingWorld>;
  before(() => (world = copingWorld()));
  afterEach(() => sql('delete from "coping_toolbox_item" where "user_id" in (?, ?)', [world.bob.id, world.carol.id]));

  it('GIVEN tools added THEN the list shows them privately, a duplicate is ignored, and remove works by autocomplete', async () => {
    const added = await world.bob.slash(world.general, 'toolbox add', { tool: 'Call my sister' });
    assert.ok(added.ephemeral);
    assert.match(added.text, /Added to your toolbox.*1 of 50/s);
    await world.bob.slash(world.general, 'toolbox add', { tool: 'a walk   around the block' });
    const duplicate = await world.bob.slash(world.general, 'toolbox add', { tool: 'call my SISTER' });
    assert.match(duplicate.text, /Already in your toolbox.*#1.*Nothing changed/s);
    const list = await world.bob.slash(world.general, 'toolbox list');
    assert.ok(list.ephemeral);
    assert.match(list.text, /1\. Call my sister\n2\. a walk around the block/);
    const choices = await world.bob.autocomplete(world.general, 'toolbox remove', 'tool', 'walk');
    assert.deepEqual(
      choices.map((c) => c.name),
      ['2. a walk around the block'],
    );
    const removed = await world.bob.slash(world.general, 'toolbox remove', { tool: String(choices[0]!.value) });
    assert.match(removed.text, /Removed from your toolbox.*a walk around the block/s, 'privately, it says which');
    assert.doesNotMatch((await world.bob.slash(world.general, 'toolbox list')).text, /walk/);
  });

  it('GIVEN the toolbox column THEN it holds ciphertext, never the tool', async () => {
    await world.bob.slash(world.general, 'toolbox add', { tool: 'my private coping trick' });
    const rows = await sql<{ text: string }>('select "text" from "coping_toolbox_item" where "user_id" = ?', [
      world.bob.id,
    ]);
    assert.equal(rows.length, 1);
    assert.match(rows[0]!.text, /^enc:v1:/);
    assert.doesNotMatch(rows[0]!.text, /coping trick/);
  });

  it(`GIVEN ${TOOLBOX_MAX} tools THEN one more is refused with what to do`, async () => {
    for (let index = 0; index < TOOLBOX_MAX; index++) {
      await world.carol.slash(world.general, 'toolbox add', { tool: `tool number ${index}` });
    }
    const refused = await world.carol.slash(world.general, 'toolbox add', { tool: 'one too many' });
    assert.match(refused.text, /toolbox is full.*Remove one/s);
    const [{ count }] = await sql<{ count: string }>('select count(*) from "coping_toolbox_item" where "user_id" = ?', [
      world.carol.id,
    ]);
    assert.equal(Number(count), TOOLBOX_MAX);
  });

  it('GIVEN bad input THEN it gets a friendly error and nothing changes', async () => {
    const unknown = await world.bob.slash(world.general, 'toolbox remove', { tool: 'nothing like this' });
    assert.match(unknown.text, /No such tool.*Nothing was removed/s);
    const sent = await world.bob.say(world.general, '!toolbox add');
    const empty = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(empty.text, /What should I add/);
    const long = await world.bob.say(world.general, `!toolbox add ${'x'.repeat(250)}`);
    assert.match((await world.emu.waitForMessage({ channelId: world.general.id, after: long.id })).text, /under 200/);
    assert.deepEqual(await sql('select 1 from "coping_toolbox_item" where "user_id" = ?', [world.bob.id]), []);
  });

  it('GIVEN the message path THEN add and remove work in the channel and the list goes by DM', async () => {
    const add = await world.bob.say(world.general, '!toolbox add @everyone listen to rain sounds');
    const added = await world.emu.waitForMessage({ channelId: world.general.id, after: add.id });
    assert.match(added.text, /Added to your toolbox/);
    assert.doesNotMatch(added.text, /rain sounds/, 'the channel reply does not repeat the tool');
    const list = await world.bob.say(world.general, '!toolbox list');
    assert.match((await world.emu.waitForMessage({ channelId: world.general.id, after: list.id })).text, /Sent by DM/);
    assert.match(world.emu.dms(world.bob).at(-1)!.text, /@everyone listen to rain sounds/);
    const remove = await world.bob.say(world.general, '!toolbox remove 1');
    const removed = await world.emu.waitForMessage({ channelId: world.general.id, after: remove.id });
    assert.match(removed.text, /Removed from your toolbox/);
    assert.doesNotMatch(removed.text, /rain sounds/, 'the channel never sees the removed tool');
    assert.deepEqual(await sql('select 1 from "coping_toolbox_item" where "user_id" = ?', [world.bob.id]), []);

    world.emu.closeDms(world.bob);
    const again = await world.bob.say(world.general, '!toolbox');
    assert.match(
      (await world.emu.waitForMessage({ channelId: world.general.id, after: again.id })).text,
      /could not DM you.*\/toolbox list/s,
    );
  });

  it('GIVEN /toolbox suggest goal:sleep THEN curated ideas for sleep come, minus tools already kept', async () => {
    await world.bob.slash(world.general, 'toolbox add', { tool: 'Rain sounds or a calm playlist' });
    const reply = await world.bob.slash(world.general, 'toolbox suggest', { goal: 'sleep' });
    assert.ok(reply.ephemeral);
    assert.match(reply.text, /Ideas for: Sleeping better/);
    assert.match(reply.text, /4-7-8 breathing/);
    assert.doesNotMatch(reply.text, /Rain sounds/);
    const sent = await world.carol.say(world.general, '!toolbox suggest anxiety');
    assert.match(
      (await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id })).text,
      /anxiety and panic/,
    );
  });
});
