import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { createWorld, eventually } from '../../../test/setup/world';
import { ReminderUser } from '../entities/ReminderUser';
import { checkinJobId, scheduleCheckin, unscheduleCheckin } from '../lib/schedule';
import { cleanUp, em } from './helpers';

describe('reminders: check-ins', () => {
  let w: ReturnType<typeof createWorld>;
  before(() => (w = createWorld()));
  afterEach(() => cleanUp(w.alice.id, w.bob.id));

  /** As if the interval passed. */
  async function checkinDueNow(userId: string): Promise<void> {
    const fork = em();
    const user = await fork.findOneOrFail(ReminderUser, { userId });
    await unscheduleCheckin(userId, user.checkinNextAt!);
    user.checkinNextAt = new Date(Date.now() + 150);
    await fork.flush();
    await scheduleCheckin(userId, user.checkinNextAt);
  }

  it('GIVEN check-ins every 8 h THEN a gentle DM prompt comes with buttons, and answering gets a kind reply', async () => {
    const { emu, alice, general } = w;
    const reply = await alice.slash(general, 'checkin reminders on', { interval: 8 });
    assert.match(reply.text, /Check-ins every 8 h/);
    await checkinDueNow(alice.id);
    const prompt = await eventually(() => {
      const found = emu.dms(alice).find((m) => m.text.includes('How are you doing'));
      assert.ok(found);
      return found;
    }, 10_000);
    assert.deepEqual(prompt.customIds, [
      'reminders.checkin:good',
      'reminders.checkin:okay',
      'reminders.checkin:low',
      'reminders.checkin:off',
    ]);
    const answer = await alice.click(prompt, 'reminders.checkin:low');
    assert.match(answer.text, /sorry it's hard/);
    const next = (await em().findOne(ReminderUser, { userId: alice.id }))!.checkinNextAt!;
    assert.ok(next.getTime() > Date.now() + 7 * 3_600_000, 'the next one is about 8 h away');
    assert.ok(await container.tasks.client.getJob(checkinJobId(alice.id, next)));
  });

  it('GIVEN a low answer THEN the coping tools are offered where that plugin is on, and the reply works without them', async () => {
    const { emu, alice, general } = w;
    const lowAnswer = async () => {
      const before = emu.dms(alice).filter((m) => m.text.includes('How are you doing')).length;
      await checkinDueNow(alice.id);
      const prompt = await eventually(() => {
        const prompts = emu.dms(alice).filter((m) => m.text.includes('How are you doing'));
        assert.equal(prompts.length, before + 1);
        return prompts.at(-1)!;
      }, 10_000);
      return (await alice.click(prompt, 'reminders.checkin:low')).text;
    };
    await alice.slash(general, 'checkin reminders on', { interval: 8 });
    try {
      assert.match((await alice.slash(general, 'plugins enable', { plugin: 'coping' })).text, /coping/);
      assert.match(await lowAnswer(), /sorry it's hard[\s\S]*\/breathing/);
      assert.match((await alice.slash(general, 'plugins disable', { plugin: 'coping' })).text, /coping/);
      const without = await lowAnswer();
      assert.match(without, /sorry it's hard/);
      assert.doesNotMatch(without, /\/breathing/);
    } finally {
      await alice.slash(general, 'plugins enable', { plugin: 'coping' });
    }
  });

  it('GIVEN the Stop button or /checkin reminders off THEN no more prompts', async () => {
    const { alice, general } = w;
    await alice.slash(general, 'checkin reminders on', { interval: 1 });
    const due = (await em().findOne(ReminderUser, { userId: alice.id }))!.checkinNextAt!;
    const off = await alice.slash(general, 'checkin reminders off');
    assert.match(off.text, /Check-ins are off/);
    assert.equal((await em().findOne(ReminderUser, { userId: alice.id }))?.checkinHours, null);
    assert.equal(await container.tasks.client.getJob(checkinJobId(alice.id, due)), undefined);
    assert.match((await alice.slash(general, 'checkin reminders off')).text, /already off/);
  });

  it('GIVEN an interval out of range by message command THEN it says the allowed range', async () => {
    const { emu, bob, general } = w;
    const said = await bob.say(general, '!checkin reminders on 73');
    assert.match((await emu.waitForMessage({ channelId: general.id, after: said.id })).text, /between 1 and 72 hours/);
    assert.equal(await em().findOne(ReminderUser, { userId: bob.id }), null);
  });
});
