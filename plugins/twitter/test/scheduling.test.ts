import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { container } from '@sapphire/framework';
import { clearRedisPrefix } from '../../../src/testkit/redis';
import { reconcileScheduledWork } from '../../../src/lib/scheduler/reconcile';
import { bot } from '../../../test/setup/bot';
import { botAccount, fakeX } from './env';
import { connectAccount, eventually, postIdOf, postRow, twitterWorld, uniqueText } from './helpers';

const onBotTimeline = (text: string) => fakeX.timeline(botAccount.id).filter((tweet) => tweet.sent === text);

/** Jobs BullMQ still holds for a post (any state but finished). */
async function jobsOf(postId: number) {
  const jobs = await container.tasks.list({ types: ['delayed', 'waiting', 'active', 'prioritized'] });
  return jobs.filter((job) => job?.id?.startsWith(`twitter-post-${postId}-`));
}

describe('twitter: scheduled posts', () => {
  it('GIVEN a post scheduled in natural language THEN it is queued and goes out at its time', async () => {
    const world = twitterWorld();
    const text = uniqueText('Scheduled hello');
    const reply = await world.owner.slash(world.general, 'twitter schedule', {
      text,
      when: 'in 2 seconds',
      account: 'bot',
    });
    assert.match(reply.text, /Queued as post #\d+/);
    assert.match(reply.text, /<t:\d+:F>/);
    const id = postIdOf(reply.text);
    const list = await world.owner.slash(world.general, 'twitter queue list');
    assert.match(list.text, new RegExp(`#${id}`));
    await eventually(() => assert.equal(onBotTimeline(text).length, 1), 10_000);
    assert.equal((await postRow(id)).status, 'posted');
  });

  it('GIVEN an unreadable or past time THEN it says what to type and queues nothing', async () => {
    const world = twitterWorld();
    const past = await world.owner.slash(world.general, 'twitter schedule', {
      text: 'x',
      when: 'yesterday',
      account: 'bot',
    });
    assert.match(past.text, /in the past.*tomorrow 9am/);
    const repeating = await world.owner.slash(world.general, 'twitter schedule', {
      text: 'x',
      when: 'every day at 9',
      account: 'bot',
    });
    assert.match(repeating.text, /recurring set/);
  });

  it('GIVEN X answers 429 THEN the post is rescheduled at the reset time, shown in the queue', async () => {
    const world = twitterWorld();
    const resetAt = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000);
    fakeX.faults.add({ method: 'POST', path: '/2/tweets', problem: 'tooManyRequests', times: 1, resetAt });
    const reply = await world.owner.slash(world.general, 'twitter schedule', {
      text: uniqueText('Rate limited'),
      when: 'in 1 second',
      account: 'bot',
    });
    const id = postIdOf(reply.text);
    await eventually(async () => assert.equal((await postRow(id)).heldUntil?.getTime(), resetAt.getTime()), 10_000);
    const row = await postRow(id);
    assert.equal(row.status, 'scheduled');
    assert.equal(row.scheduledFor?.getTime(), resetAt.getTime());
    const list = await world.owner.slash(world.general, 'twitter queue list');
    assert.match(list.text, new RegExp(`held until <t:${resetAt.getTime() / 1000}:F>`));
    assert.match(list.text, /rate limit/);
    assert.equal((await jobsOf(id)).length, 1, 'one job waits for the reset');
    const removed = await world.owner.slash(world.general, 'twitter queue remove', { id });
    assert.match(removed.text, /Removed post/);
    assert.equal((await jobsOf(id)).length, 0);
  });

  it('GIVEN a POST times out but X made the post THEN the retry finds it and does not post twice', async () => {
    const world = twitterWorld();
    fakeX.faults.add({ method: 'POST', path: '/2/tweets', hang: { created: true }, times: 1 });
    // X stores the link as a t.co link and the & as &amp;: the timeline check still recognises it.
    const text = uniqueText('Timed out but made & found https://example.com/launch?ref=mellow');
    const reply = await world.owner.slash(world.general, 'twitter schedule', {
      text,
      when: 'in 1 second',
      account: 'bot',
    });
    const id = postIdOf(reply.text);
    await eventually(async () => assert.equal((await postRow(id)).status, 'posted'), 15_000);
    const row = await postRow(id);
    assert.equal(fakeX.posts().length, 1, 'one POST only');
    assert.equal(onBotTimeline(text).length, 1);
    assert.equal(row.tweetId, onBotTimeline(text)[0]!.id);
    assert.match(onBotTimeline(text)[0]!.text, /&amp; found https:\/\/t\.co\//);
    assert.ok(
      fakeX.requests.some((request) => request.path === `/2/users/${botAccount.id}/tweets`),
      'it looked first',
    );
  });

  it('GIVEN a Post click times out and X did not make it THEN the user is told, and the retry posts it once', async () => {
    const world = twitterWorld();
    fakeX.faults.add({ method: 'POST', path: '/2/tweets', hang: { created: false }, times: 1 });
    const text = uniqueText('Timed out, not made');
    const preview = await world.owner.slash(world.general, 'twitter post', { text, account: 'bot' });
    const clicked = await world.owner.click(preview.message, `twitter.send:${postIdOf(preview.text)}`);
    assert.match(clicked.text, /Not posted yet/);
    assert.match(clicked.text, /did not answer in time/);
    await eventually(() => assert.equal(onBotTimeline(text).length, 1), 15_000);
    assert.equal(fakeX.posts().length, 2, 'the timed-out POST and one retry');
  });

  it('GIVEN Redis loses every job THEN reconcile brings the post back and it goes out once', async () => {
    const world = twitterWorld();
    const text = uniqueText('Survives a Redis flush');
    const reply = await world.owner.slash(world.general, 'twitter schedule', {
      text,
      when: 'in 3 seconds',
      account: 'bot',
    });
    const id = postIdOf(reply.text);
    assert.equal((await jobsOf(id)).length, 1);
    const { redisPrefix, mellow } = bot();
    await clearRedisPrefix(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', redisPrefix);
    assert.equal((await jobsOf(id)).length, 0, 'the job is gone');
    await reconcileScheduledWork(mellow.services.plugins);
    await reconcileScheduledWork(mellow.services.plugins); // idempotent: still one job
    assert.equal((await jobsOf(id)).length, 1);
    await eventually(() => assert.equal(onBotTimeline(text).length, 1), 10_000);
    assert.equal(fakeX.posts().length, 1);
  });

  it('GIVEN the plugin is disabled in the guild THEN nothing is posted, the queue is kept, and it goes out once re-enabled', async () => {
    const world = twitterWorld();
    const text = uniqueText('Waits while disabled');
    const reply = await world.owner.slash(world.general, 'twitter schedule', {
      text,
      when: 'in 3 seconds',
      account: 'bot',
    });
    const id = postIdOf(reply.text);
    await world.alice.slash(world.general, 'plugins disable', { plugin: 'twitter' });
    await eventually(async () => assert.equal((await jobsOf(id)).length, 0), 10_000); // the job fired and was skipped
    await sleep(200);
    assert.equal(onBotTimeline(text).length, 0);
    assert.equal((await postRow(id)).status, 'scheduled', 'still queued');
    await world.alice.slash(world.general, 'plugins enable', { plugin: 'twitter' });
    await eventually(() => assert.equal(onBotTimeline(text).length, 1), 10_000);
  });

  it('GIVEN a daily cap of 1 THEN the second post waits until the first is 24 hours old, counted from the database', async () => {
    const world = twitterWorld();
    await connectAccount(world, world.carol, 'cappedaccount');
    await world.alice.slash(world.general, 'twitter settings', { 'daily-cap': 1 });
    const first = await world.carol.slash(world.general, 'twitter post', { text: uniqueText('first') });
    await world.carol.click(first.message, `twitter.send:${postIdOf(first.text)}`);
    const firstRow = await postRow(postIdOf(first.text));
    assert.equal(firstRow.status, 'posted');
    const second = await world.carol.slash(world.general, 'twitter post', { text: uniqueText('second') });
    const id = postIdOf(second.text);
    const clicked = await world.carol.click(second.message, `twitter.send:${id}`);
    assert.match(clicked.text, /daily cap/);
    const resume = firstRow.attemptStartedAt!.getTime() + 86_400_000;
    assert.match(clicked.text, new RegExp(`<t:${Math.floor(resume / 1000)}:F>`));
    assert.equal((await postRow(id)).status, 'scheduled');
    const status = await world.carol.slash(world.general, 'twitter status');
    assert.match(status.text, /Posts in the last 24 hours:\*\* 1\/1/);
    await world.carol.slash(world.general, 'twitter queue remove', { id });
  });
});
