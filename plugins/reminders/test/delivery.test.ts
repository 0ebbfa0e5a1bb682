import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { SystemLog } from '../../../src/lib/database/entities';
import { createWorld, eventually } from '../../../test/setup/world';
import { Reminder } from '../entities/Reminder';
import type { RemindersCleanupTask } from '../scheduled-tasks/remindersCleanup';
import { ReminderUser } from '../entities/ReminderUser';
import { cleanUp, dueNow, em, findReminder, missedWhileOffline, reconcile, reminderIdOf, sentTo } from './helpers';

describe('reminders: delivery', () => {
  let w: ReturnType<typeof createWorld>;
  before(() => (w = createWorld()));
  afterEach(() => cleanUp(w.alice.id, w.bob.id, w.carol.id));

  const dmWith = (text: string, user = w.alice) =>
    eventually(() => {
      const found = w.emu.dms(user).find((message) => message.text.includes(text));
      assert.ok(found, `a DM with "${text}"`);
      return found;
    }, 10_000);

  /** The snooze button of a delivered message (its id also names the occurrence). */
  const snoozeButton = (dm: { customIds: string[] }, choice: string) =>
    dm.customIds.find((customId) => customId.startsWith('reminders.snooze:') && customId.split(':')[2] === choice)!;

  /** Clicking while the row still says "sending" is answered "Busy": wait until delivery is recorded. */
  const recorded = (id: number) =>
    eventually(async () => assert.notEqual((await findReminder(id))?.state, 'sending'), 10_000);

  it('GIVEN /remind me in 2 seconds THEN it confirms privately with timestamps and an id, and the DM arrives with buttons', async () => {
    const { emu, alice, general } = w;
    const reply = await alice.slash(general, 'remind me', { when: 'in 2 seconds', what: 'stretch your legs' });
    assert.ok(reply.ephemeral);
    assert.match(reply.text, /Reminder set/);
    assert.match(reply.text, /<t:\d+:F>/);
    assert.match(reply.text, /<t:\d+:R>/);
    const id = reminderIdOf(reply.text);
    const dm = await dmWith('stretch your legs');
    assert.match(dm.text, new RegExp(`Reminder #${id}`));
    const occurrence = (await findReminder(id))!.dueAt.getTime();
    assert.deepEqual(dm.customIds, [
      `reminders.snooze:${id}:10m:${occurrence}`,
      `reminders.snooze:${id}:1h:${occurrence}`,
      `reminders.snooze:${id}:tomorrow:${occurrence}`,
      `reminders.done:${id}`,
    ]);
    await eventually(async () => assert.equal((await findReminder(id))?.state, 'sent'));
    assert.equal(emu.messages(general).filter((m) => m.text.includes('stretch your legs') && !m.ephemeral).length, 0);
  });

  it('GIVEN a delivered reminder THEN Snooze 10 min brings it back once, and Done takes the buttons off', async () => {
    const { emu, alice, general } = w;
    const id = reminderIdOf((await alice.slash(general, 'remind me', { when: 'in 1 second', what: 'tea' })).text);
    const dm = await dmWith('tea');
    await recorded(id);
    const snoozed = await alice.click(dm, snoozeButton(dm, '10m'));
    assert.match(snoozed.text, /Snoozed/);
    const row = await findReminder(id);
    assert.equal(row?.state, 'pending');
    assert.ok(Math.abs(row!.dueAt.getTime() - (Date.now() + 10 * 60_000)) < 60_000, 'due in about 10 minutes');
    await dueNow(id);
    await eventually(() => assert.equal(emu.dms(alice).filter((m) => m.text.includes('tea')).length, 2), 10_000);
    const again = emu.dms(alice).filter((m) => m.text.includes('tea'))[1];
    const done = await alice.click(again, `reminders.done:${id}`);
    assert.equal(done.kind, 'update');
    assert.match(done.content, /Done/);
    assert.deepEqual(done.message?.customIds, []);
    assert.equal((await findReminder(id))?.state, 'done');
  });

  it('GIVEN a snoozed one-off THEN Done on its message ends it: it leaves the list and never comes back', async () => {
    const { alice, general } = w;
    const id = reminderIdOf((await alice.slash(general, 'remind me', { when: 'in 1 second', what: 'laundry' })).text);
    const dm = await dmWith('laundry');
    await recorded(id);
    assert.match((await alice.click(dm, snoozeButton(dm, '10m'))).text, /Snoozed/);
    const done = await alice.click(dm, `reminders.done:${id}`);
    assert.match(done.content, /Done/);
    assert.equal((await findReminder(id))?.state, 'done');
    assert.match((await alice.slash(general, 'remind list')).text, /Your reminders \(0\)/);
  });

  it('GIVEN a crash after sending AND Discord fails the history read at recovery THEN it is not sent again', async () => {
    const { emu, alice, general } = w;
    const id = reminderIdOf((await alice.slash(general, 'remind me', { when: 'in 1 second', what: 'once only' })).text);
    await dmWith('once only');
    await eventually(async () => assert.equal((await findReminder(id))?.state, 'sent'));
    // As a crash between sending and recording leaves it; then Discord answers the history read with 500s.
    await em().nativeUpdate(Reminder, { id }, { state: 'sending', claimedAt: new Date(Date.now() - 300_000) });
    const fault = emu.faults.add({ method: 'GET', path: /^\/channels\/\d+\/messages/, status: 500, times: 4 });
    await reconcile();
    await eventually(async () => assert.equal((await findReminder(id))?.state, 'sent'), 10_000);
    assert.ok(fault.hits > 0, 'the first history read failed');
    assert.equal(emu.dms(alice).filter((m) => m.text.includes('once only')).length, 1);
  });

  it('GIVEN work a dead process held (a due row whose job it took, a claim past its lease) THEN the periodic cleanup finishes it', async () => {
    const { alice, general } = w;
    const lost = reminderIdOf((await alice.slash(general, 'remind me', { when: 'in 1 hour', what: 'lost job' })).text);
    const held = reminderIdOf(
      (await alice.slash(general, 'remind me', { when: 'in 1 hour', what: 'held claim' })).text,
    );
    await missedWhileOffline(lost, 30 * 60_000);
    await missedWhileOffline(held, 30 * 60_000);
    await em().nativeUpdate(Reminder, { id: held }, { state: 'sending', claimedAt: new Date(Date.now() - 300_000) });
    const cleanup = container.stores.get('scheduled-tasks').get('remindersCleanup') as RemindersCleanupTask;
    await cleanup.run();
    await dmWith('lost job');
    await dmWith('held claim');
    await eventually(async () => {
      assert.equal((await findReminder(lost))?.state, 'sent');
      assert.equal((await findReminder(held))?.state, 'sent');
    }, 10_000);
  });

  it('GIVEN a repeating reminder THEN it fires, stays on its schedule, and snoozing it adds a one-off copy without moving the schedule', async () => {
    const { emu, alice, general } = w;
    const id = reminderIdOf(
      (await alice.slash(general, 'remind me', { when: 'every day at 09:00', what: 'vitamins' })).text,
    );
    const nominal = (await findReminder(id))!.dueAt;
    await dueNow(id);
    const dm = await dmWith('vitamins');
    assert.match(dm.text, /Repeats every day at 09:00 \(UTC\)/);
    await eventually(async () => assert.equal((await findReminder(id))?.state, 'pending'));
    const next = (await findReminder(id))!.dueAt;
    assert.equal(next.getTime(), nominal.getTime(), 'the next 09:00 is the one it had');
    await alice.click(dm, snoozeButton(dm, '1h'));
    assert.equal((await findReminder(id))!.dueAt.getTime(), next.getTime(), 'snoozing never shifts the schedule');
    const copies = await em().find(Reminder, { snoozeOf: id });
    assert.equal(copies.length, 1);
    assert.equal(copies[0].rule, null);
    assert.equal(emu.dms(alice).filter((m) => m.text.includes('vitamins')).length, 1);

    // The next occurrence, snoozed for 10 min, gets its own copy: the first one's hour stays.
    const firstCopyDue = copies[0].dueAt.getTime();
    await dueNow(id);
    const second = await eventually(() => {
      const found = emu.dms(alice).filter((m) => m.text.includes('vitamins'));
      assert.equal(found.length, 2);
      return found[1];
    }, 10_000);
    await eventually(async () => assert.equal((await findReminder(id))?.state, 'pending'));
    assert.match((await alice.click(second, snoozeButton(second, '10m'))).text, /Snoozed/);
    const both = await em().find(Reminder, { snoozeOf: id }, { orderBy: { id: 'asc' } });
    assert.equal(both.length, 2);
    assert.equal(both[0].dueAt.getTime(), firstCopyDue, "the first occurrence's snooze did not move");
    assert.ok(both[1].dueAt.getTime() < firstCopyDue, 'the second occurrence comes back in 10 min');
  });

  it('GIVEN closed DMs THEN the reminder comes in the channel it was set in, pinging only that user', async () => {
    const { emu, alice, general } = w;
    emu.closeDms(alice);
    await alice.slash(general, 'remind me', { when: 'in 1 second', what: 'call @everyone mum' });
    const posted = await eventually(() => {
      const found = emu.messages(general).find((m) => m.text.includes('call @everyone mum') && !m.ephemeral);
      assert.ok(found);
      return found;
    }, 10_000);
    assert.match(posted.content, new RegExp(`<@${alice.id}>`));
    assert.match(posted.text, /couldn't DM you/);
    const request = sentTo(emu, general.id).find((r) => JSON.stringify(r.body).includes('call @everyone mum'));
    assert.deepEqual((request?.body as { allowed_mentions: unknown }).allowed_mentions, {
      parse: [],
      users: [alice.id],
      roles: [],
    });
  });

  it('GIVEN 3 refused DMs in a row THEN new reminders default to "here" and the user is told', async () => {
    const { emu, alice, general } = w;
    emu.closeDms(alice);
    for (let i = 1; i <= 3; i++) {
      await alice.slash(general, 'remind me', { when: 'in 1 second', what: `refused ${i}`, where: 'dm' });
      await eventually(
        () => assert.ok(emu.messages(general).some((m) => m.text.includes(`refused ${i}`) && !m.ephemeral)),
        10_000,
      );
    }
    const third = emu.messages(general).find((m) => m.text.includes('refused 3') && !m.ephemeral)!;
    assert.match(third.text, /couldn't DM you 3 times in a row/);
    assert.equal((await em().findOne(ReminderUser, { userId: alice.id }))?.delivery, 'here');
    const next = await alice.slash(general, 'remind me', { when: 'in 1 hour', what: 'next one' });
    assert.match(next.text, new RegExp(`in <#${general.id}>`));
  });

  it('GIVEN 3 refused DMs of reminders set in DMs THEN the notice says their default delivery switched', async () => {
    const { emu, bob } = w;
    emu.closeDms(bob);
    for (let i = 1; i <= 3; i++) {
      const id = reminderIdOf((await bob.slash('dm', 'remind me', { when: 'in 1 second', what: `void ${i}` })).text);
      await eventually(async () => assert.equal((await findReminder(id))?.state, 'undeliverable'), 10_000);
    }
    assert.equal((await em().findOne(ReminderUser, { userId: bob.id }))?.delivery, 'here');
    const reply = await bob.slash(w.general, 'timezone view');
    const notices = (await reply.followUps()).map((notice) => notice.text).join('\n');
    assert.match(notices, /3 times in a row, so your new reminders now come where you set them/);
  });

  it('GIVEN closed DMs and a reminder set in DMs THEN it is undeliverable and the user hears about it at their next command', async () => {
    const { emu, bob } = w;
    emu.closeDms(bob);
    const id = reminderIdOf(
      (await bob.slash('dm', 'remind me', { when: 'in 1 second', what: 'lost in the void' })).text,
    );
    await eventually(async () => assert.equal((await findReminder(id))?.state, 'undeliverable'), 10_000);
    const reply = await bob.slash(w.general, 'timezone view');
    const [notice] = await reply.followUps();
    assert.ok(notice.ephemeral);
    assert.match(notice.text, new RegExp(`reminder #${id}.*could not be delivered`));
    assert.match(notice.text, /lost in the void/);
    const later = await bob.slash(w.general, 'timezone view');
    await assert.rejects(later.followUps({ timeout: 500 }), 'each notice is shown once');
  });

  for (const [code, status, what] of [
    [50013, 403, 'missing permissions'],
    [10003, 404, 'an unknown channel'],
  ] as const) {
    it(`GIVEN ${what} (${code}) for a channel reminder THEN the creator gets it by DM and it is in the system log`, async () => {
      const { emu, carol, general, logs } = w;
      const reply = await carol.slash(general, 'remind channel', {
        channel: logs,
        when: 'in 1 second',
        what: `standup ${code}`,
      });
      const id = reminderIdOf(reply.text);
      emu.faults.add({ method: 'POST', path: `/channels/${logs.id}/messages`, status, code, times: 5 });
      const dm = await dmWith(`standup ${code}`, carol);
      assert.match(dm.text, /couldn't post this in/);
      await eventually(async () => {
        const logged = await em().find(SystemLog, { guildId: w.guild.id, userId: carol.id });
        assert.ok(
          logged.some(
            (event) =>
              event.title.includes('could not be posted') && JSON.stringify(event.metadata).includes(String(id)),
          ),
        );
      }, 5_000);
    });
  }

  it('GIVEN the bot was offline when a one-off came due THEN it arrives after recovery saying how late and why', async () => {
    const { alice, general } = w;
    const id = reminderIdOf((await alice.slash(general, 'remind me', { when: 'in 1 hour', what: 'late tea' })).text);
    await missedWhileOffline(id, 2 * 3_600_000);
    await reconcile();
    const dm = await dmWith('late tea');
    assert.match(dm.text, /\(2 h late: the bot was offline\)/);
  });

  it('GIVEN a repeating reminder missed many times while offline THEN one catch-up, then back on schedule', async () => {
    const { emu, alice, general } = w;
    const id = reminderIdOf(
      (await alice.slash(general, 'remind me', { when: 'every 5 minutes', what: 'posture' })).text,
    );
    await missedWhileOffline(id, 60 * 60_000);
    await reconcile();
    await dmWith('posture');
    await eventually(async () => assert.equal((await findReminder(id))?.state, 'pending'));
    const next = (await findReminder(id))!.dueAt.getTime();
    assert.ok(next > Date.now() && next <= Date.now() + 5 * 60_000, 'the next one is within the next 5 minutes');
    await new Promise((done) => setTimeout(done, 500));
    assert.equal(emu.dms(alice).filter((m) => m.text.includes('posture')).length, 1, 'one catch-up, not twelve');
  });
});
