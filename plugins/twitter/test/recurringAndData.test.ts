import assert from 'node:assert/strict';
import { pluginContext } from 'mellow';
import { TwitterPost } from '../entities/TwitterPost';
import { TwitterRecurring } from '../entities/TwitterRecurring';
import tips from '../lib/content/tips.json';
import { reconcileScheduledWork } from '../../../src/lib/scheduler/reconcile';
import { bot } from '../../../test/setup/bot';
import { botAccount, fakeX } from './env';
import { em, eventually, postIdOf, postRow, twitterWorld, uniqueText } from './helpers';

const hooks = () => bot().mellow.services.plugins.getActive('twitter')!.manifest.hooks!;

describe('twitter: recurring content', () => {
  it('GIVEN a daily tip THEN its time is confirmed, and when it comes a curated tip goes out and the next is scheduled', async () => {
    const world = twitterWorld();
    const set = await world.owner.slash(world.general, 'twitter recurring set', {
      kind: 'tip',
      when: 'every day at 9am',
      account: 'bot',
    });
    assert.match(set.text, /Daily tip set/);
    assert.match(set.text, /every day at 09:00 \(UTC\)/);
    const row = (await em().findOne(TwitterRecurring, { guildId: world.guild.id, kind: 'tip' }))!;
    const nextDay = row.nextAt.getTime();
    // The clock reaches 9am: bring the occurrence close, as if the day had passed.
    await em().nativeUpdate(TwitterRecurring, { id: row.id }, { nextAt: new Date(Date.now() + 500) });
    await reconcileScheduledWork(bot().mellow.services.plugins);
    await eventually(
      () => assert.ok(fakeX.timeline(botAccount.id).some((tweet) => tweet.sent === tips.items[0])),
      10_000,
    );
    const after = (await em().findOne(TwitterRecurring, row.id))!;
    assert.equal(after.cursor, 1);
    assert.ok(after.nextAt.getTime() > Date.now() && after.nextAt.getTime() <= nextDay + 86_400_000);
    const off = await world.alice.slash(world.general, 'twitter recurring off', { kind: 'tip' });
    assert.match(off.text, /Stopped the daily tip/);
  });

  it('GIVEN a time that does not repeat THEN recurring content explains what to type', async () => {
    const world = twitterWorld();
    const reply = await world.owner.slash(world.general, 'twitter recurring set', {
      kind: 'update',
      when: 'tomorrow 9am',
    });
    assert.match(reply.text, /every monday at 10:00/);
  });
});

describe('twitter: user data and diagnostics', () => {
  it('GIVEN a user with posts THEN export lists them, and delete removes unposted ones and anonymises posted ones', async () => {
    const world = twitterWorld();
    const posted = await world.owner.slash(world.general, 'twitter post', {
      text: uniqueText('keep me'),
      account: 'bot',
    });
    await world.owner.click(posted.message, `twitter.send:${postIdOf(posted.text)}`);
    const draft = await world.owner.slash(world.general, 'twitter post', {
      text: uniqueText('drop me'),
      account: 'bot',
    });
    const context = pluginContext('twitter');
    const exported = (await hooks().exportUserData!(world.owner.id, context)) as { posts: { id: number }[] };
    const ids = exported.posts.map((post) => post.id);
    assert.ok(ids.includes(postIdOf(posted.text)) && ids.includes(postIdOf(draft.text)));

    const removed = await hooks().deleteUserData!(world.owner.id, context);
    assert.ok(removed >= 2);
    assert.equal(await em().count(TwitterPost, { id: postIdOf(draft.text) }), 0);
    const kept = await postRow(postIdOf(posted.text));
    assert.equal(kept.status, 'posted');
    assert.equal(kept.authorId, null);
    assert.equal(await em().count(TwitterPost, { authorId: world.owner.id }), 0);
  });

  it('GIVEN settings THEN describeGuild shows them and the review channel, never a token', async () => {
    const world = twitterWorld();
    await world.alice.slash(world.general, 'twitter settings', { 'review-channel': world.review, 'daily-cap': 5 });
    const described = await hooks().describeGuild!(world.guild.id, pluginContext('twitter'));
    assert.equal(described.settings?.['daily cap'], 5);
    assert.equal(described.channels?.[0]?.channelId, world.review.id);
    const json = JSON.stringify(described.settings);
    for (const secret of fakeX.issuedSecrets()) assert.ok(!json.includes(secret));
  });
});
