import assert from 'node:assert/strict';
import { copingWorld, sql } from './helpers';

const PLAN = {
  warningSigns: 'I stop replying to friends',
  selfCare: 'Walk the dog\nBox breathing',
  people: 'The library',
  help: 'My sister Ana',
  professionals: 'Dr. Lee, 555 0100',
};

describe('/plan', () => {
  let world: ReturnType<typeof copingWorld>;
  before(() => (world = copingWorld()));
  afterEach(() => sql('delete from "coping_plan" where "user_id" in (?, ?)', [world.bob.id, world.carol.id]));

  it('GIVEN /plan create THEN a modal takes the plan, view shows it privately, and the column holds ciphertext', async () => {
    const modal = await world.bob.slash(world.general, 'plan create');
    assert.equal(modal.kind, 'modal');
    const saved = await world.bob.submitModal(world.general, 'coping.plan.save', PLAN);
    assert.ok(saved.ephemeral);
    assert.match(saved.text, /Plan saved.*My sister Ana/s);
    const view = await world.bob.slash(world.general, 'plan view');
    assert.ok(view.ephemeral);
    assert.match(view.text, /Things I can do on my own\nWalk the dog\nBox breathing/);
    const [row] = await sql<{ content: string }>('select "content" from "coping_plan" where "user_id" = ?', [
      world.bob.id,
    ]);
    assert.match(row!.content, /^enc:v1:/);
    assert.doesNotMatch(row!.content, /Ana|dog/);
  });

  it('GIVEN /plan edit THEN the modal is filled with the current plan and saving replaces it', async () => {
    await world.bob.slash(world.general, 'plan create');
    await world.bob.submitModal(world.general, 'coping.plan.save', PLAN);
    const modal = await world.bob.slash(world.general, 'plan edit');
    const values = JSON.stringify(modal.modal);
    assert.match(values, /My sister Ana/);
    await world.bob.submitModal(world.general, 'coping.plan.save', { ...PLAN, help: 'My friend Sam' });
    const view = await world.bob.slash(world.general, 'plan view');
    assert.match(view.text, /My friend Sam/);
    assert.doesNotMatch(view.text, /Ana/);
  });

  it('GIVEN an empty form THEN nothing is saved and the user is told', async () => {
    await world.carol.slash(world.general, 'plan create');
    const reply = await world.carol.submitModal(world.general, 'coping.plan.save', {});
    assert.match(reply.text, /Your plan is empty.*Nothing was saved/s);
    assert.match((await world.carol.slash(world.general, 'plan view')).text, /don't have a coping plan yet/);
  });

  it('GIVEN /plan remove THEN only its owner confirms, Keep it keeps it and Remove deletes it', async () => {
    await world.bob.slash(world.general, 'plan create');
    await world.bob.submitModal(world.general, 'coping.plan.save', PLAN);
    const prompt = await world.bob.slash(world.general, 'plan remove');
    const kept = await world.bob.click(prompt.message, `coping.plan.keep:${world.bob.id}`);
    assert.match(kept.text, /Kept your plan/);
    const again = await world.bob.say(world.general, '!plan remove');
    const confirm = await world.emu.waitForMessage({ channelId: world.general.id, after: again.id });
    const notYours = await world.carol.click(confirm, `coping.plan.remove:${world.bob.id}`);
    assert.match(notYours.text, /belongs to someone else/);
    assert.equal((await sql('select 1 from "coping_plan" where "user_id" = ?', [world.bob.id])).length, 1);
    const removed = await world.bob.click(confirm, `coping.plan.remove:${world.bob.id}`);
    assert.match(removed.text, /Your plan was removed/);
    assert.equal((await sql('select 1 from "coping_plan" where "user_id" = ?', [world.bob.id])).length, 0);
  });

  it('GIVEN the message path THEN !plan sends the plan by DM and !plan edit points to the private form', async () => {
    await world.bob.slash(world.general, 'plan create');
    await world.bob.submitModal(world.general, 'coping.plan.save', PLAN);
    const sent = await world.bob.say(world.general, '!plan');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /Sent by DM/);
    assert.doesNotMatch(reply.text, /Ana/);
    assert.match(world.emu.dms(world.bob).at(-1)!.text, /My sister Ana/);
    const edit = await world.bob.say(world.general, '!plan edit');
    assert.match((await world.emu.waitForMessage({ channelId: world.general.id, after: edit.id })).text, /\/plan edit/);
    const suggest = await world.bob.say(world.general, '!plan suggest sleep');
    assert.match(
      (await world.emu.waitForMessage({ channelId: world.general.id, after: suggest.id })).text,
      /Plan ideas for: Sleeping better/,
    );
  });

  it('GIVEN /plan suggest THEN curated ideas for each part of the plan come privately', async () => {
    const reply = await world.carol.slash(world.general, 'plan suggest', { goal: 'anxiety' });
    assert.ok(reply.ephemeral);
    assert.match(reply.text, /My warning signs\n.*Fast heartbeat/s);
    assert.match(reply.text, /Professionals and services/);
  });
});
