import assert from 'node:assert/strict';
import { content } from '../lib/content';
import { fakeAi } from './fakeAi';
import { copingWorld, sql } from './helpers';

const json = (value: unknown) => JSON.stringify(value);

describe('coping AI personalisation', () => {
  let world: ReturnType<typeof copingWorld>;
  before(async () => {
    world = copingWorld();
    await world.bob.slash(world.general, 'toolbox add', { tool: 'watering my tomato plants' });
    await world.carol.slash(world.general, 'toolbox add', { tool: 'carol secret hobby' });
  });
  beforeEach(() => fakeAi.reset());
  after(async () => {
    fakeAi.reset();
    await sql('delete from "coping_toolbox_item" where "user_id" in (?, ?)', [world.bob.id, world.carol.id]);
  });

  it('GIVEN the AI answers well THEN the affirmation is personalised, and the prompt holds only the user’s own toolbox', async () => {
    fakeAi.reply = json({ affirmation: 'Your tomato plants grow a little every day, and so do you.' });
    const reply = await world.bob.slash(world.general, 'affirmation', { feeling: 'sad' });
    assert.match(reply.text, /tomato plants grow.*Written for you from your toolbox/s);
    assert.equal(fakeAi.requests.length, 1);
    const prompt = json(fakeAi.requests[0]!.body.messages);
    assert.match(prompt, /watering my tomato plants/);
    assert.doesNotMatch(prompt, /carol secret hobby/);
    assert.doesNotMatch(prompt, new RegExp(world.bob.id));
    assert.equal(fakeAi.requests[0]!.authorization, 'Bearer test-key-not-a-secret');
  });

  it('GIVEN an answer others can read (!affirmation in a channel, or private:false) THEN it is never personalised and the AI never sees the toolbox', async () => {
    fakeAi.reply = json({ affirmation: 'Your tomato plants grow a little every day, and so do you.' });
    const sent = await world.bob.say(world.general, '!affirmation sad');
    const inChannel = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    const shared = await world.bob.slash(world.general, 'affirmation', { feeling: 'sad', private: false });
    assert.equal(shared.ephemeral, false);
    for (const reply of [inChannel, shared]) {
      assert.doesNotMatch(reply.text, /tomato|Written for you/);
      assert.ok(
        content.affirmations.sad.some((line) => reply.text.includes(line)),
        reply.text,
      );
    }
    assert.deepEqual(fakeAi.requests, [], 'the toolbox never left for the AI');
  });

  it('GIVEN the AI answers well THEN /toolbox suggest shows its ideas', async () => {
    fakeAi.reply =
      '```json\n' + json({ suggestions: ['Repot a small plant', 'Sit with your plants for five minutes'] }) + '\n```';
    const reply = await world.bob.slash(world.general, 'toolbox suggest', { goal: 'stress' });
    assert.match(reply.text, /Repot a small plant.*Suggested for you/s);
  });

  for (const mode of ['down', 'slow', 'malformed'] as const) {
    it(`GIVEN the AI is ${mode} THEN the curated content answers instead`, async () => {
      fakeAi.mode = mode;
      const affirmation = await world.bob.slash(world.general, 'affirmation', { feeling: 'sad' });
      assert.ok(
        content.affirmations.sad.some((line) => affirmation.text.includes(line)),
        affirmation.text,
      );
      const ideas = await world.bob.slash(world.general, 'plan suggest', { goal: 'sleep' });
      assert.match(ideas.text, /Plan ideas for: Sleeping better.*Lying awake/s);
      assert.doesNotMatch(ideas.text, /Ideas for you/);
      assert.ok(fakeAi.requests.length >= 2, 'the AI was asked');
    });
  }

  it('GIVEN the AI answers something unsafe or with a mention THEN it is not shown', async () => {
    fakeAi.reply = json({ affirmation: 'Honestly, everyone would be better off without you.' });
    const unsafe = await world.bob.slash(world.general, 'affirmation', { feeling: 'lonely' });
    assert.ok(
      content.affirmations.lonely.some((line) => unsafe.text.includes(line)),
      unsafe.text,
    );
    fakeAi.reply = json({ suggestions: ['Ping @everyone for a chat'] });
    const pinging = await world.bob.slash(world.general, 'toolbox suggest', { goal: 'lonely' });
    assert.doesNotMatch(pinging.text, /@everyone/);
    assert.match(pinging.text, /Feeling less alone/);
  });
});
