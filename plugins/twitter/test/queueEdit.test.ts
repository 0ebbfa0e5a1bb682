import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { fakeX } from './env';
import {
  connectAccount,
  eventually,
  postIdOf,
  postRow,
  reviewRequest,
  setupApproval,
  twitterWorld,
  uniqueText,
} from './helpers';

type World = ReturnType<typeof twitterWorld>;

/** Opens the edit form of a queued post and submits it. */
async function edit(world: World, actor: World['owner'], id: number, fields: { text: string; when?: string }) {
  const form = await actor.slash(world.general, 'twitter queue edit', { id });
  assert.equal(form.kind, 'modal');
  return actor.submitModal(world.general, `twitter.edit:${id}`, { text: fields.text, when: fields.when ?? '' });
}

const jobsOf = async (id: number) =>
  (await container.tasks.list({ types: ['delayed', 'waiting'] })).filter((job) =>
    job?.id?.startsWith(`twitter-post-${id}-`),
  );

describe('twitter: editing the queue', () => {
  it('GIVEN a queued post THEN an edit changes its text and time, and moves its job', async () => {
    const world = twitterWorld();
    const queued = await world.owner.slash(world.general, 'twitter schedule', {
      text: uniqueText('Before the edit'),
      when: 'in 2 hours',
      account: 'bot',
    });
    const id = postIdOf(queued.text);
    const text = uniqueText('After the edit');
    const done = await edit(world, world.owner, id, { text, when: 'in 3 hours' });
    assert.match(done.text, new RegExp(`Post #${id} edited`));
    const row = await postRow(id);
    assert.equal(row.text, text);
    assert.ok(row.scheduledFor!.getTime() > Date.now() + 2.5 * 3_600_000);
    const jobs = await jobsOf(id);
    assert.deepEqual(
      jobs.map((job) => job.id),
      [`twitter-post-${id}-${row.scheduledFor!.getTime()}`],
    );
  });

  it('GIVEN no review channel THEN an edit into a sensitive topic is refused and the post is unchanged', async () => {
    const world = twitterWorld();
    const before = uniqueText('A calm announcement');
    const queued = await world.owner.slash(world.general, 'twitter schedule', {
      text: before,
      when: 'in 2 hours',
      account: 'bot',
    });
    const id = postIdOf(queued.text);
    const done = await edit(world, world.owner, id, {
      text: uniqueText('Now about suicide prevention'),
      when: 'in 1 second',
    });
    assert.match(done.text, /needs review, but there is no review channel/);
    const row = await postRow(id);
    assert.equal(row.text, before);
    assert.equal(row.status, 'scheduled');
    assert.ok(row.scheduledFor!.getTime() > Date.now() + 3_600_000);
    assert.equal(fakeX.posts().length, 0);
  });

  it('GIVEN the review channel refuses the bot THEN an edit that needs review changes nothing', async () => {
    const world = twitterWorld();
    await world.alice.slash(world.general, 'twitter settings', { 'review-channel': world.review });
    const before = uniqueText('Plain words');
    const queued = await world.owner.slash(world.general, 'twitter schedule', {
      text: before,
      when: 'in 2 hours',
      account: 'bot',
    });
    const id = postIdOf(queued.text);
    world.emu.faults.add({ method: 'POST', path: `/channels/${world.review.id}/messages`, status: 403, times: 5 });
    const done = await edit(world, world.owner, id, { text: uniqueText('Grief is hard') });
    assert.match(done.text, /Nothing was changed/);
    const row = await postRow(id);
    assert.equal(row.text, before);
    assert.equal(row.status, 'scheduled');
    assert.equal((await jobsOf(id)).length, 1, 'its job is back');
  });

  it('GIVEN a post in review is edited THEN the old request can no longer approve it, and the new one can', async () => {
    const world = twitterWorld();
    await connectAccount(world, world.carol, 'editedreview');
    await setupApproval(world);
    const queued = await world.carol.slash(world.general, 'twitter schedule', {
      text: uniqueText('First draft'),
      when: 'in 2 hours',
    });
    assert.match(queued.text, /Sent for review/);
    const id = postIdOf(queued.text);
    const oldRequest = await reviewRequest(world, id);
    // The old request can't be closed (as when an approver has it open while the author edits).
    world.emu.faults.add({ method: 'PATCH', path: `/channels/${world.review.id}/messages/:id`, status: 403, times: 5 });
    const text = uniqueText('Second draft nobody reviewed yet');
    assert.match((await edit(world, world.carol, id, { text })).text, /went back to review/);

    const stale = await world.bob.click(oldRequest, `twitter.approve:${id}:0`);
    assert.match(stale.text, /edited since/);
    assert.equal((await postRow(id)).status, 'review');
    assert.equal(fakeX.posts().length, 0);

    const fresh = await reviewRequest(world, id);
    assert.notEqual(fresh.id, oldRequest.id);
    assert.match(fresh.text, /Second draft/);
    const approved = await world.bob.click(fresh, `twitter.approve:${id}:1`);
    assert.match(approved.text, /Queued as post/);
    const row = await postRow(id);
    assert.equal(row.status, 'scheduled');
    assert.equal(row.text, text);
  });

  it('GIVEN a post id beyond any post THEN remove and edit say there is no such post', async () => {
    const world = twitterWorld();
    // Discord itself refuses a number over the option's maximum, so it never reaches the database.
    await assert.rejects(
      world.owner.slash(world.general, 'twitter queue remove', { id: 99_999_999_999 }),
      /max 2147483647/,
    );
    const removed = await world.owner.slash(world.general, 'twitter queue remove', { id: 2_147_483_647 });
    assert.match(removed.text, /There is no queued post #2147483647/);
    const edited = await world.owner.slash(world.general, 'twitter queue edit', { id: 2_147_483_647 });
    assert.match(edited.text, /There is no queued post/);
  });

  it('GIVEN editing the review message is slow THEN a rejection is still answered (deferred first)', async () => {
    const world = twitterWorld();
    await connectAccount(world, world.carol, 'slowreview');
    await setupApproval(world);
    const preview = await world.carol.slash(world.general, 'twitter post', { text: uniqueText('Slow lane') });
    const id = postIdOf(preview.text);
    await world.carol.click(preview.message, `twitter.send:${id}`);
    const request = await reviewRequest(world, id);
    await world.bob.click(request, `twitter.reject:${id}:0`);
    world.emu.setInteractionAckTimeout(400);
    world.emu.faults.add({
      method: 'PATCH',
      path: `/channels/${world.review.id}/messages/:id`,
      status: 429,
      retryAfter: 1,
    });
    const done = await world.bob.submitModal(world.review, `twitter.rejectNote:${id}:0`, { note: 'not now' });
    assert.match(done.text, /Rejected post/);
    assert.equal((await postRow(id)).status, 'rejected');
  });

  it('GIVEN a term blocked after a post was queued THEN the post is stopped and its author told why', async () => {
    const world = twitterWorld();
    const queued = await world.owner.slash(world.general, 'twitter schedule', {
      text: uniqueText('Big giveaway tomorrow'),
      when: 'in 2 seconds',
      account: 'bot',
    });
    const id = postIdOf(queued.text);
    await world.alice.slash(world.general, 'twitter blocked add', { term: 'giveaway' });
    const told = await eventually(() => {
      const dm = world.emu.dms(world.owner).find((m) => /Not posted/.test(m.text));
      assert.ok(dm, 'the author was told');
      return dm;
    }, 10_000);
    assert.match(told.text, /blocks/);
    assert.match(told.text, /Blocked term: “giveaway”/);
    const row = await postRow(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.errorKind, 'blocked');
    assert.equal(fakeX.posts().length, 0);
  });
});
