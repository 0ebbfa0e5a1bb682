import assert from 'node:assert/strict';
import { bot } from '../../../test/setup/bot';
import { breathingSessions } from '../lib/breathing';
import { content } from '../lib/content';
import { fakeAi } from './fakeAi';
import { copingWorld, eventually } from './helpers';

describe('coping tools', () => {
  let world: ReturnType<typeof copingWorld>;
  before(() => (world = copingWorld()));
  afterEach(() => {
    breathingSessions.secondMs = null;
    breathingSessions.stopAll();
  });

  it('GIVEN /breathing box THEN the steps come privately with a Start button', async () => {
    const reply = await world.bob.slash(world.general, 'breathing', { technique: 'box' });
    assert.ok(reply.ephemeral);
    assert.match(reply.text, /Box breathing/);
    assert.match(reply.text, /Breathe in through your nose for 4 seconds/);
    assert.deepEqual(reply.message!.customIds, ['coping.breathe.start:box']);
  });

  it('GIVEN a feeling and no technique THEN a technique that suits it is chosen', async () => {
    const reply = await world.bob.slash(world.general, 'breathing', { feeling: 'tired' });
    assert.match(reply.text, /4-7-8 breathing/);
  });

  it('GIVEN private:false THEN the answer is shared in the channel', async () => {
    const reply = await world.bob.slash(world.general, 'breathing', { technique: 'coherent', private: false });
    assert.equal(reply.ephemeral, false);
    assert.match(reply.text, /Coherent breathing/);
  });

  it('GIVEN !breathing 4-7-8 THEN the message path answers the same, and an unknown word gets a hint', async () => {
    const sent = await world.bob.say(world.general, '!breathing 4-7-8');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /4-7-8 breathing/);
    const odd = await world.bob.say(world.general, '!breathing sleepy');
    const hint = await world.emu.waitForMessage({ channelId: world.general.id, after: odd.id });
    assert.match(hint.text, /isn't one I know.*anxious.*box, 4-7-8, coherent/s);
  });

  it('GIVEN Start guided session THEN the message paces every phase and ends with a closing note', async () => {
    const reply = await world.bob.slash(world.general, 'breathing', { technique: 'box' });
    const started = await world.bob.click(reply.message, 'coping.breathe.start:box');
    assert.match(started.text, /Breathe in/);
    assert.ok(started.message!.customIds[0]!.startsWith('coping.breathe.stop:'));
    const edits = () => world.emu.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/webhooks/')).length;
    const final = await eventually(() => {
      const [message] = world.emu.messages(world.general).filter((m) => m.id === reply.message!.id);
      assert.match(message!.text, /Well done/);
      return message!;
    });
    assert.deepEqual(final.customIds, [], 'the Stop button is gone');
    // box is 4 phases a round; the test config asks for one round
    assert.ok(edits() >= 5, `only ${edits()} edits`);
    assert.equal(breathingSessions.active, 0);
  });

  it('GIVEN Stop during a session THEN it stops for good and nothing edits the message afterwards', async () => {
    breathingSessions.secondMs = 200;
    const reply = await world.carol.slash(world.general, 'breathing', { technique: 'coherent' });
    const started = await world.carol.click(reply.message, 'coping.breathe.start:coherent');
    const stopped = await world.carol.click(started.message, started.message!.customIds[0]!);
    assert.match(stopped.text, /Session stopped/);
    assert.equal(breathingSessions.active, 0);
    const editsAfterStop = world.emu.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const patches = world.emu.requests.slice(editsAfterStop).filter((r) => r.method === 'PATCH');
    assert.deepEqual(patches, [], 'no edit after Stop');
    const [message] = world.emu.messages(world.general).filter((m) => m.id === reply.message!.id);
    assert.match(message!.text, /Session stopped/);
  });

  it('GIVEN a second guided session THEN the first one stops, so a member has one at a time', async () => {
    breathingSessions.secondMs = 200;
    const first = await world.bob.slash(world.general, 'breathing', { technique: 'box' });
    await world.bob.click(first.message, 'coping.breathe.start:box');
    const second = await world.bob.slash(world.general, 'breathing', { technique: 'coherent' });
    await world.bob.click(second.message, 'coping.breathe.start:coherent');
    const message = (id: string) => world.emu.messages(world.general).find((m) => m.id === id)!;
    await eventually(() => assert.match(message(first.message!.id).text, /You started a new session/));
    assert.deepEqual(message(first.message!.id).customIds, [], 'the old Stop button is gone');
    assert.equal(breathingSessions.active, 1);
    assert.match(message(second.message!.id).text, /Breathe in/);
  });

  it('GIVEN a shared breathing answer THEN another member who presses Start gets a private session of their own', async () => {
    const shared = await world.bob.slash(world.general, 'breathing', { technique: 'box', private: false });
    const mine = await world.carol.click(shared.message, 'coping.breathe.start:box');
    assert.ok(mine.ephemeral);
    assert.match(mine.text, /Breathe in|Well done/);
    assert.match(world.emu.messages(world.general).find((m) => m.id === shared.message!.id)!.text, /Box breathing/);
  });

  it('GIVEN /grounding THEN Next walks through 5-4-3-2-1 and only its owner can press it', async () => {
    const reply = await world.bob.slash(world.general, 'grounding', { private: false });
    assert.match(reply.text, /5-4-3-2-1/);
    const refused = await world.carol.click(reply.message, `coping.grounding:1:${world.bob.id}`);
    assert.match(refused.text, /belongs to someone else/);
    let step = await world.bob.click(reply.message, `coping.grounding:1:${world.bob.id}`);
    const senses: string[] = [];
    for (let index = 1; index <= 5; index++) {
      senses.push(step.embeds[0]!.title!);
      step = await world.bob.click(step.message, step.message!.customIds[0]!);
    }
    assert.deepEqual(senses, ['5: see', '4: touch', '3: hear', '2: smell', '1: taste']);
    assert.match(step.text, /Grounding complete/);
    assert.deepEqual(step.message!.customIds, []);
  });

  it('GIVEN !grounding THEN the message path starts the exercise too', async () => {
    const sent = await world.bob.say(world.general, '!grounding');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /5-4-3-2-1/);
    assert.deepEqual(reply.customIds, [`coping.grounding:1:${world.bob.id}`]);
  });

  for (const [command, list] of [
    ['distraction', content.distractions],
    ['challenge', content.challenges],
    ['music', content.music.map((pick) => pick.title)],
  ] as const) {
    it(`GIVEN /${command} twice THEN two different curated answers come, privately`, async () => {
      const first = await world.bob.slash(world.general, command);
      const second = await world.bob.slash(world.general, command);
      assert.ok(first.ephemeral && second.ephemeral);
      const pick = (text: string) => list.find((entry) => text.includes(entry));
      assert.ok(pick(first.text), `not from the curated list: ${first.text}`);
      assert.notEqual(pick(first.text), pick(second.text));
    });

    it(`GIVEN !${command} THEN the message path answers from the same list`, async () => {
      const sent = await world.carol.say(world.general, `!${command}`);
      const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
      assert.ok(
        list.some((entry) => reply.text.includes(entry)),
        reply.text,
      );
    });
  }

  it('GIVEN /affirmation feeling:anxious without a toolbox THEN a curated anxious affirmation answers without asking the AI', async () => {
    fakeAi.reset();
    const reply = await world.carol.slash(world.general, 'affirmation', { feeling: 'anxious' });
    assert.ok(reply.ephemeral);
    assert.ok(
      content.affirmations.anxious.some((line) => reply.text.includes(line)),
      reply.text,
    );
    assert.equal(fakeAi.requests.length, 0, 'nothing of the user to personalise from, so no AI call');
  });

  it('GIVEN !affirmation sad THEN the message path answers, and an unknown feeling gets the list', async () => {
    const sent = await world.carol.say(world.general, '!affirmation sad');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.ok(
      content.affirmations.sad.some((line) => reply.text.includes(line)),
      reply.text,
    );
    const odd = await world.carol.say(world.general, '!affirmation @everyone');
    const hint = await world.emu.waitForMessage({ channelId: world.general.id, after: odd.id });
    assert.match(hint.text, /anxious, sad, stressed/);
    assert.deepEqual(
      bot().emu.requests.at(-1)?.body &&
        (bot().emu.requests.at(-1)!.body as { allowed_mentions?: unknown }).allowed_mentions,
      { parse: [], replied_user: false },
    );
  });
});
