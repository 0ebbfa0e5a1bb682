import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { reconcileScheduledWork } from '../../../src/lib/scheduler/reconcile';
import { clearRedisPrefix } from '../../../src/testkit/redis';
import { bot } from '../../../test/setup/bot';
import { createWorld, eventually } from '../../../test/setup/world';
import { reminderJobId, scheduleRetry, unscheduleReminder } from '../lib/schedule';
import { cleanUp, findReminder, reconcile, reminderIdOf } from './helpers';

describe('reminders: scheduling', () => {
  let w: ReturnType<typeof createWorld>;
  before(() => (w = createWorld()));
  afterEach(() => cleanUp(w.alice.id, w.bob.id, w.carol.id));

  it('GIVEN Redis loses every job (a flush) THEN reconcile gives each pending reminder its job back, drops orphans, and it fires', async () => {
    const { emu, alice, general } = w;
    const id = reminderIdOf(
      (await alice.slash(general, 'remind me', { when: 'in 3 seconds', what: 'survives a flush' })).text,
    );
    const jobId = reminderJobId(id, (await findReminder(id))!.dueAt);
    assert.ok(await container.tasks.client.getJob(jobId), 'the job exists');
    const orphan = 'reminders-999999999-1';
    await container.tasks.create(
      { name: 'remindersDue', payload: { reminderId: 999_999_999, dueAt: 1 } },
      { repeated: false, delay: 3_600_000, customJobOptions: { jobId: orphan } },
    );

    // FLUSHALL on a Redis other test runs share would hurt them: this run's keys are all it owns.
    await clearRedisPrefix(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', bot().redisPrefix);
    assert.equal(await container.tasks.client.getJob(jobId), undefined, 'the flush took the job');
    await container.tasks.create(
      { name: 'remindersDue', payload: { reminderId: 999_999_999, dueAt: 1 } },
      { repeated: false, delay: 3_600_000, customJobOptions: { jobId: orphan } },
    );

    // What the core runs when Redis comes back.
    await reconcileScheduledWork(container.mellow.plugins);
    assert.ok(await container.tasks.client.getJob(jobId), 'the job is back');
    assert.equal(await container.tasks.client.getJob(orphan), undefined, 'a job with no pending reminder is dropped');
    await reconcileScheduledWork(container.mellow.plugins);
    const jobs = await container.tasks.list({ types: ['delayed', 'waiting'], start: 0, end: -1 });
    assert.equal(jobs.filter((job) => job?.id === jobId).length, 1, 'exactly one job after reconciling twice');
    await eventually(
      () => assert.equal(emu.dms(alice).filter((m) => m.text.includes('survives a flush')).length, 1),
      10_000,
    );
  });

  it('GIVEN the plugin is disabled in a server THEN its channel reminders wait and DM reminders still arrive; re-enabled, the held one comes', async () => {
    const { emu, alice, carol, general, logs } = w;
    const channelId = reminderIdOf(
      (
        await carol.slash(general, 'remind channel', {
          channel: logs,
          when: 'in 2 seconds',
          what: 'held in the channel',
        })
      ).text,
    );
    await alice.slash(general, 'remind me', { when: 'in 2 seconds', what: 'personal and free' });
    assert.match((await alice.slash(general, 'plugins disable', { plugin: 'reminders' })).text, /disabled|off/i);
    try {
      await eventually(() => assert.ok(emu.dms(alice).some((m) => m.text.includes('personal and free'))), 10_000);
      await new Promise((done) => setTimeout(done, 2_500));
      assert.equal(emu.messages(logs).filter((m) => m.text.includes('held in the channel')).length, 0);
      assert.equal((await findReminder(channelId))?.state, 'pending', 'kept, not dropped');
    } finally {
      await alice.slash(general, 'plugins enable', { plugin: 'reminders' });
    }
    const posted = await eventually(() => {
      const found = emu.messages(logs).find((m) => m.text.includes('held in the channel'));
      assert.ok(found);
      return found;
    }, 10_000);
    assert.equal(emu.messages(logs).filter((m) => m.text.includes('held in the channel')).length, 1);
    assert.match(posted.text, /late: reminders were switched off in this server/);
  });

  it('GIVEN a reminder waiting out a retry backoff THEN reconcile keeps the retry and does not fire it at once', async () => {
    const { alice, general } = w;
    const id = reminderIdOf((await alice.slash(general, 'remind me', { when: 'in 1 hour', what: 'backing off' })).text);
    const reminder = (await findReminder(id))!;
    const jobId = reminderJobId(id, reminder.dueAt);
    // As a failed attempt leaves it: the occurrence's job is gone and a retry waits its backoff.
    await unscheduleReminder(id, reminder.dueAt);
    await scheduleRetry(reminder, 1, 3_600_000);
    try {
      await reconcile();
      assert.equal(await container.tasks.client.getJob(jobId), undefined, 'no second job for the occurrence');
      assert.ok(await container.tasks.client.getJob(`${jobId}-r1`), 'the retry still waits');
    } finally {
      await container.tasks.delete(`${jobId}-r1`);
    }
  });
});
