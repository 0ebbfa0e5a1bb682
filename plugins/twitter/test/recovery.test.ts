import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import type { ScheduledTask } from '@sapphire/plugin-scheduled-tasks';
import { pluginContext, secretBox } from 'mellow';
import { reconcileScheduledWork } from '../../../src/lib/scheduler/reconcile';
import { bot } from '../../../test/setup/bot';
import { TwitterAccount } from '../entities/TwitterAccount';
import { TwitterPost } from '../entities/TwitterPost';
import { STUCK_AFTER_MS } from '../lib/schedule';
import { createXClient } from '../lib/x/client';
import { BOT_APP, botAccount, fakeX } from './env';
import { connectAccount, em, eventually, postIdOf, postRow, twitterWorld, uniqueText } from './helpers';

const onBotTimeline = (text: string) => fakeX.timeline(botAccount.id).filter((tweet) => tweet.sent === text);
const reconcile = () => reconcileScheduledWork(bot().mellow.services.plugins);

async function schedule(world: ReturnType<typeof twitterWorld>, text: string, when: string) {
  const reply = await world.owner.slash(world.general, 'twitter schedule', { text, when, account: 'bot' });
  return postIdOf(reply.text);
}

describe('twitter: recovery', () => {
  it('GIVEN a post left mid-request by a dead process THEN reconcile checks it at the stuck time and posts it once', async () => {
    const world = twitterWorld();
    const text = uniqueText('Left hanging');
    const id = await schedule(world, text, 'in 2 hours');
    // As if a process claimed it just now and died: no job will ever come back for it.
    const startedAt = new Date(Date.now() - STUCK_AFTER_MS + 1500);
    await em().nativeUpdate(TwitterPost, { id }, { status: 'posting', attempts: 1, attemptStartedAt: startedAt });
    await reconcile();
    await eventually(async () => assert.equal((await postRow(id)).status, 'posted'), 10_000);
    assert.equal(onBotTimeline(text).length, 1);
    assert.ok(
      fakeX.requests.some((r) => r.path === `/2/users/${botAccount.id}/tweets`),
      'it looked first',
    );
  });

  it('GIVEN a post job that failed THEN reconcile replaces it and the post goes out', async () => {
    const world = twitterWorld();
    const task = container.stores.get('scheduled-tasks').get('twitterPostDue') as ScheduledTask;
    const run = task.run.bind(task);
    task.run = () => Promise.reject(new Error('database briefly unreachable'));
    const text = uniqueText('Failed once');
    let id: number;
    try {
      id = await schedule(world, text, 'in 1 second');
      await eventually(async () => {
        const jobs = await container.tasks.list({ types: ['failed'] });
        assert.ok(jobs.some((job) => job?.id?.startsWith(`twitter-post-${id}-`)));
      }, 10_000);
    } finally {
      task.run = run;
    }
    await reconcile();
    await eventually(() => assert.equal(onBotTimeline(text).length, 1), 10_000);
    assert.equal((await postRow(id)).status, 'posted');
  });

  it('GIVEN a timeout and a timeline X will not show THEN the post waits for a check it can make, not failed, and goes out once', async () => {
    const world = twitterWorld();
    fakeX.faults.add({ method: 'POST', path: '/2/tweets', hang: { created: false }, times: 1 });
    fakeX.faults.add({ method: 'GET', path: '/2/users/:id/tweets', problem: 'clientNotEnrolled', times: 1 });
    const text = uniqueText('Checked & rechecked https://example.com/page');
    const id = await schedule(world, text, 'in 1 second');
    await eventually(async () => assert.equal((await postRow(id)).errorKind, 'unverified'), 10_000);
    assert.equal((await postRow(id)).status, 'scheduled', 'waiting, not failed');
    await eventually(async () => assert.equal((await postRow(id)).status, 'posted'), 15_000);
    assert.equal(onBotTimeline(text).length, 1);
  });

  it('GIVEN a timeout and X’s timeline lagging THEN X’s duplicate answer means the first attempt went out', async () => {
    const world = twitterWorld();
    fakeX.faults.add({ method: 'POST', path: '/2/tweets', hang: { created: true }, times: 1 });
    fakeX.faults.add({ method: 'GET', path: '/2/users/:id/tweets', empty: true, times: 1 });
    const text = uniqueText('Made on the first try');
    const id = await schedule(world, text, 'in 1 second');
    await eventually(async () => assert.equal((await postRow(id)).status, 'posted'), 15_000);
    assert.equal(onBotTimeline(text).length, 1, 'still one post');
    assert.equal(fakeX.posts().length, 2, 'the timed-out POST and the one X refused as a duplicate');
  });

  it('GIVEN TWITTER_API_URL elsewhere THEN requests are signed for api.x.com, and a bad signature is refused', async () => {
    const world = twitterWorld();
    const text = uniqueText('Signed for X');
    const id = await schedule(world, text, 'in 1 second');
    await eventually(async () => assert.equal((await postRow(id)).status, 'posted'), 10_000);
    assert.ok(fakeX.requests.length > 0 && fakeX.requests.every((request) => request.signed));
    const forged = createXClient({ key: BOT_APP.key, secret: 'not-the-secret' }, null, {
      apiUrl: fakeX.url,
      timeoutMs: 1000,
    });
    await assert.rejects(forged.v2.me(), (error: { code?: number }) => error.code === 401);
    assert.equal(fakeX.requests.at(-1)?.signed, false);
  });

  it('GIVEN !twitter status in a channel THEN the report goes by DM and the channel only hears where', async () => {
    const world = twitterWorld();
    const sent = await world.owner.say(world.general, '!twitter status');
    const note = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(note.text, /Sent by DM/);
    assert.doesNotMatch(note.text, /Posts in the last 24 hours/);
    await eventually(() => assert.match(world.emu.dms(world.owner).at(-1)?.text ?? '', /Posts in the last 24 hours/));
  });

  it('GIVEN tokens sealed with the old column-only context THEN reseal binds them to their guild and posting works', async () => {
    const world = twitterWorld();
    await connectAccount(world, world.carol, 'oldsealed');
    const row = (await em().findOne(TwitterAccount, { guildId: world.guild.id }))!;
    const context = (column: string) => `${column}:${world.guild.id}`;
    const box = secretBox();
    const token = box.open(row.accessToken, context('twitter_account.access_token'));
    const secret = box.open(row.accessSecret, context('twitter_account.access_secret'));
    await em().nativeUpdate(
      TwitterAccount,
      { guildId: world.guild.id },
      {
        accessToken: box.seal(token, 'twitter_account.access_token'),
        accessSecret: box.seal(secret, 'twitter_account.access_secret'),
      },
    );
    const hooks = bot().mellow.services.plugins.getActive('twitter')!.manifest.hooks!;
    assert.ok((await hooks.resealSecrets!(pluginContext('twitter'))) >= 1);
    const resealed = (await em().findOne(TwitterAccount, { guildId: world.guild.id }, { refresh: true }))!;
    assert.equal(box.open(resealed.accessToken, context('twitter_account.access_token')), token);
    assert.throws(() => box.open(resealed.accessToken, 'twitter_account.access_token'));
    const test = await world.carol.slash(world.general, 'twitter test');
    assert.match(test.text, /Connection to X works/);
  });
});
