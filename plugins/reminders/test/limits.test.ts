import assert from 'node:assert/strict';
import { createWorld, eventually } from '../../../test/setup/world';
import { Reminder } from '../entities/Reminder';
import { cleanUp, em, sentTo } from './helpers';

describe('reminders: limits and bad input', () => {
  let w: ReturnType<typeof createWorld>;
  before(() => (w = createWorld()));
  /** Owns the channel reminders that fill the server in the guild-limit test. */
  const filler = '100000000000000001';
  afterEach(() => cleanUp(w.alice.id, w.bob.id, w.carol.id, filler));

  const count = (userId: string) => em().count(Reminder, { userId });

  /** As if the user had set `n` reminders, due in an hour. */
  async function activeReminders(userId: string, n: number): Promise<void> {
    const fork = em();
    for (let i = 0; i < n; i++)
      fork.create(Reminder, { userId, target: 'dm', text: `r${i}`, dueAt: new Date(Date.now() + 3_600_000 + i) });
    await fork.flush();
  }

  const refusals: [string, { when: string; what: string }, RegExp][] = [
    ['an empty text', { when: 'in 1 hour', what: '   ' }, /What should I remind you of/],
    ['10,000 characters', { when: 'in 1 hour', what: 'x'.repeat(10_000) }, /too long.*1,500/s],
    ['an empty time', { when: ' ', what: 'x' }, /Tell me when/],
    ['"in -5 minutes"', { when: 'in -5 minutes', what: 'x' }, /in the past.*Try 'in 10 minutes'/s],
    ['"every 0 minutes"', { when: 'every 0 minutes', what: 'x' }, /at least 5 minutes/],
    ['"every 4 minutes"', { when: 'every 4 minutes', what: 'x' }, /at least 5 minutes/],
    ['a time 6 years ahead', { when: 'in 6 years', what: 'x' }, /more than 5 years/],
    ['gibberish', { when: 'when pigs fly 🐷', what: 'x' }, /couldn't understand that time/],
  ];
  for (const [what, options, expected] of refusals) {
    it(`GIVEN ${what} THEN a friendly private error, and nothing is created`, async () => {
      const reply = await w.alice.slash(w.general, 'remind me', options);
      assert.ok(reply.ephemeral);
      assert.match(reply.text, expected);
      assert.equal(await count(w.alice.id), 0);
    });
  }

  it('GIVEN unicode and @everyone in the text THEN it is kept as written and pings nobody', async () => {
    const { emu, alice, general } = w;
    const text = '🌱 Gieß die Pflanzen — 水やり @everyone @here <@&123456789012345678>';
    const reply = await alice.slash(general, 'remind me', { when: 'in 1 second', what: text, where: 'here' });
    assert.match(reply.text, /Reminder set/);
    const posted = await eventually(() => {
      const found = emu.messages(general).find((m) => m.text.includes('Gieß die Pflanzen') && !m.ephemeral);
      assert.ok(found);
      return found;
    }, 10_000);
    assert.ok(posted.text.includes(text));
    const body = sentTo(emu, general.id).at(-1)!.body as { allowed_mentions: unknown };
    assert.deepEqual(body.allowed_mentions, { parse: [], users: [alice.id], roles: [] });
  });

  it('GIVEN 25 active reminders THEN the 26th is refused with what to do', async () => {
    await activeReminders(w.bob.id, 25);
    const reply = await w.bob.slash(w.general, 'remind me', { when: 'in 2 hours', what: 'one more' });
    assert.match(reply.text, /25 active reminders.*\/remind delete/s);
    assert.equal(await count(w.bob.id), 25);
  });

  it('GIVEN 24 active reminders and 3 creates at once THEN exactly one is accepted', async () => {
    await activeReminders(w.bob.id, 24);
    const replies = await Promise.all(
      [1, 2, 3].map((i) => w.bob.slash(w.general, 'remind me', { when: 'in 2 hours', what: `race ${i}` })),
    );
    assert.equal(
      replies.filter((reply) => /Reminder set/.test(reply.text)).length,
      1,
      replies.map((r) => r.text).join('\n'),
    );
    assert.equal(replies.filter((reply) => /25 active reminders/.test(reply.text)).length, 2);
    assert.equal(await count(w.bob.id), 25);
  });

  it('GIVEN 100 channel reminders in a server THEN another is refused', async () => {
    const fork = em();
    for (let i = 0; i < 100; i++) {
      fork.create(Reminder, {
        userId: w.alice.id,
        guildId: w.guild.id,
        target: 'channel',
        channelId: w.logs.id,
        text: `c${i}`,
        dueAt: new Date(Date.now() + 3_600_000 + i),
        // Spread over users in spirit: the per-user limit is not what this test is about.
        state: i < 90 ? 'pending' : 'paused',
      });
    }
    await fork.flush();
    await fork.nativeUpdate(Reminder, { userId: w.alice.id }, { userId: filler });
    const reply = await w.carol.slash(w.general, 'remind channel', {
      channel: w.logs,
      when: 'in 1 hour',
      what: 'one more',
    });
    assert.match(reply.text, /too many channel reminders.*100/s);
  });
});
