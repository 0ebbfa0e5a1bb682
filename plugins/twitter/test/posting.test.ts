import assert from 'node:assert/strict';
import { secretBox } from 'mellow';
import { TwitterAccount } from '../entities/TwitterAccount';
import { botAccount, fakeX } from './env';
import {
  connectAccount,
  em,
  eventually,
  postIdOf,
  postRow,
  reviewRequest,
  setupApproval,
  twitterWorld,
  uniqueText,
} from './helpers';

describe('twitter: posting', () => {
  it('GIVEN the bot owner posts THEN a private preview shows the weighted length, and Post sends it once', async () => {
    const world = twitterWorld();
    const text = uniqueText('Hello from Mellow 🌱 https://example.com/a/very/long/path/that/x/counts/as/twenty-three');
    const preview = await world.owner.slash(world.general, 'twitter post', { text });
    assert.ok(preview.ephemeral);
    assert.match(preview.text, /Preview/);
    assert.match(preview.text, /the bot-wide account/);
    const id = postIdOf(preview.text);
    const length = Number(/Length:\*\* (\d+)\/280/.exec(preview.text)?.[1]);
    assert.ok(length < text.length, 'the long link counts as 23');

    const posted = await world.owner.click(preview.message, `twitter.send:${id}`);
    assert.match(posted.text, /Posted to X/);
    assert.deepEqual(posted.message?.customIds, [], 'the buttons are gone');
    const onX = fakeX.timeline(botAccount.id).filter((tweet) => tweet.sent === text);
    assert.equal(onX.length, 1);
    assert.match(posted.text, new RegExp(onX[0]!.id));
    assert.equal(fakeX.posts().length, 1);
  });

  it('GIVEN Cancel on the preview THEN nothing reaches X', async () => {
    const world = twitterWorld();
    const preview = await world.owner.slash(world.general, 'twitter post', { text: uniqueText('never mind') });
    const cancelled = await world.owner.click(preview.message, `twitter.cancel:${postIdOf(preview.text)}`);
    assert.match(cancelled.text, /Cancelled/);
    assert.equal(fakeX.posts().length, 0);
    assert.equal((await postRow(postIdOf(preview.text))).status, 'cancelled');
  });

  it('GIVEN a post over 280 weighted characters THEN it is refused with the count and nothing is stored', async () => {
    const world = twitterWorld();
    const before = await em().count('TwitterPost');
    // 141 CJK characters weigh 282.
    const reply = await world.owner.slash(world.general, 'twitter post', { text: '心'.repeat(141) });
    assert.match(reply.text, /282\/280/);
    assert.match(reply.text, /Shorten it by 2/);
    assert.equal(await em().count('TwitterPost'), before);
    const fits = await world.owner.slash(world.general, 'twitter post', { text: '心'.repeat(140) });
    assert.match(fits.text, /Length:\*\* 280\/280/);
  });

  it('GIVEN a member who is neither admin nor staff THEN they may not post, and the bot-wide account is refused to admins', async () => {
    const world = twitterWorld();
    const member = world.emu.users.create({ username: 'plainmember' });
    world.guild.addMember(member);
    const refused = await member.slash(world.general, 'twitter post', { text: 'hi', account: 'bot' });
    assert.match(refused.text, /Only bot owners and staff/);
    const admin = await world.carol.slash(world.general, 'twitter post', { text: 'hi', account: 'bot' });
    assert.match(admin.text, /Only bot owners and staff/);
    const noAccount = await world.carol.slash(world.general, 'twitter post', { text: 'hi' });
    assert.match(noAccount.text, /no X account connected/);
    assert.equal(fakeX.posts().length, 0);
  });

  it('GIVEN a blocked term THEN the post is refused and says which term', async () => {
    const world = twitterWorld();
    await world.alice.slash(world.general, 'twitter blocked add', { term: 'Spoiler' });
    const reply = await world.owner.slash(world.general, 'twitter post', { text: 'Big SPOILER ahead', account: 'bot' });
    assert.match(reply.text, /contains “spoiler”/);
    const fine = await world.owner.slash(world.general, 'twitter post', {
      text: uniqueText('spoilers are words too'),
      account: 'bot',
    });
    assert.match(fine.text, /Preview/);
  });
});

describe('twitter: connecting a server account (PIN flow)', () => {
  it('GIVEN an admin connects THEN the link, the PIN modal and the tokens stored sealed, and no secret in any reply', async () => {
    const world = twitterWorld();
    const user = await connectAccount(world, world.carol, 'calmserver');
    const row = (await em().findOne(TwitterAccount, { guildId: world.guild.id }))!;
    assert.equal(row.username, 'calmserver');
    assert.equal(row.xUserId, user.id);
    assert.match(row.accessToken, /^enc:v1:/);
    assert.match(row.accessSecret, /^enc:v1:/);
    const context = `twitter_account.access_token:${world.guild.id}`;
    assert.ok(secretBox().open(row.accessToken, context).startsWith(`${user.id}-`));
    assert.throws(() => secretBox().open(row.accessToken, `twitter_account.access_token:${world.review.id}`));
    assert.throws(() => secretBox().open(row.accessToken, 'twitter_account.access_secret:' + world.guild.id));

    const status = await world.carol.slash(world.general, 'twitter status');
    assert.match(status.text, /@calmserver/);
    const test = await world.carol.slash(world.general, 'twitter test');
    assert.match(test.text, /Connection to X works/);
    const texts = world.emu
      .messages(world.general)
      .map((message) => message.text)
      .join('\n');
    for (const secret of fakeX.issuedSecrets()) assert.ok(!texts.includes(secret), 'no token or secret is shown');
  });

  it('GIVEN a wrong PIN THEN it says so and nothing is stored', async () => {
    const world = twitterWorld();
    const started = await world.carol.slash(world.general, 'twitter connect');
    await world.carol.click(started.message, 'twitter.pin');
    const done = await world.carol.submitModal(world.general, 'twitter.pinEntered', { pin: '0000000' });
    assert.match(done.text, /That PIN did not work/);
    assert.equal(await em().count(TwitterAccount, { guildId: world.guild.id }), 0);
  });

  it('GIVEN a member without Manage Server THEN connect is refused', async () => {
    const world = twitterWorld();
    const reply = await world.bob.slash(world.general, 'twitter connect');
    assert.match(reply.text, /Only server admins/);
  });

  it('GIVEN disconnect THEN the tokens are deleted', async () => {
    const world = twitterWorld();
    await connectAccount(world, world.carol, 'leavingsoon');
    const reply = await world.carol.slash(world.general, 'twitter disconnect');
    assert.match(reply.text, /Disconnected @leavingsoon/);
    assert.equal(await em().count(TwitterAccount, { guildId: world.guild.id }), 0);
  });
});

describe('twitter: approval', () => {
  it('GIVEN approval is required THEN the post waits for an approver, who approves it, and the author is told', async () => {
    const world = twitterWorld();
    const account = await connectAccount(world, world.carol, 'approvedposts');
    await setupApproval(world);
    const text = uniqueText('A reviewed post');
    const preview = await world.carol.slash(world.general, 'twitter post', { text });
    const id = postIdOf(preview.text);
    const sent = await world.carol.click(preview.message, `twitter.send:${id}`);
    assert.match(sent.text, /Sent for review/);
    assert.equal(fakeX.posts().length, 0);

    const request = await reviewRequest(world, id);
    assert.deepEqual(request.customIds, [`twitter.approve:${id}:0`, `twitter.reject:${id}:0`]);
    assert.deepEqual(request.raw.mentions, [], 'user text pings nobody');

    // carol may manage the server, but approvers are the Approvers role.
    const notApprover = await world.carol.click(request, `twitter.approve:${id}:0`);
    assert.match(notApprover.text, /Only approvers can review posts/);
    const outsider = world.emu.users.create({ username: 'outsider' });
    world.guild.addMember(outsider);
    const refused = await outsider.click(request, `twitter.approve:${id}:0`);
    assert.match(refused.text, /Only approvers/);
    assert.equal(fakeX.posts().length, 0);

    const approved = await world.bob.click(request, `twitter.approve:${id}:0`);
    assert.match(approved.text, /Posted to X/);
    assert.equal(fakeX.timeline(account.id).filter((tweet) => tweet.sent === text).length, 1);
    await eventually(() => {
      const dm = world.emu.dms(world.carol).at(-1);
      assert.match(dm?.text ?? '', /Your post was approved/);
    });
    const closed = world.emu.messages(world.review).find((m) => m.id === request.id)!;
    assert.match(closed.text, /Approved by/);
    assert.deepEqual(closed.customIds, []);
    const previewNow = world.emu.messages(world.general).find((m) => m.id === preview.message!.id)!;
    assert.deepEqual(previewNow.customIds, [], 'the preview has no Post button left');
    assert.equal(fakeX.posts().length, 1);
  });

  it('GIVEN an approver wrote the post THEN they cannot approve it themselves', async () => {
    const world = twitterWorld();
    await connectAccount(world, world.carol, 'ownpostrule');
    await setupApproval(world);
    const preview = await world.bob.slash(world.general, 'twitter post', { text: uniqueText('My own idea') });
    const id = postIdOf(preview.text);
    assert.match((await world.bob.click(preview.message, `twitter.send:${id}`)).text, /Sent for review/);
    const request = await reviewRequest(world, id);
    const self = await world.bob.click(request, `twitter.approve:${id}:0`);
    assert.match(self.text, /That is your own post/);
    assert.equal((await postRow(id)).status, 'review');
    assert.equal(fakeX.posts().length, 0);
  });

  it('GIVEN two approvers press Approve at the same moment THEN the post goes out once and the other is told', async () => {
    const world = twitterWorld();
    const account = await connectAccount(world, world.carol, 'raceapproved');
    await setupApproval(world);
    const second = world.emu.users.create({ username: 'secondapprover' });
    world.guild.addMember(second, { roles: [world.approvers] });
    const text = uniqueText('Approved twice at once');
    const preview = await world.carol.slash(world.general, 'twitter post', { text });
    const id = postIdOf(preview.text);
    await world.carol.click(preview.message, `twitter.send:${id}`);
    const request = await reviewRequest(world, id);
    const answers = await Promise.all([
      world.bob.click(request, `twitter.approve:${id}:0`),
      second.click(request, `twitter.approve:${id}:0`),
    ]);
    const texts = answers.map((answer) => answer.text);
    assert.equal(texts.filter((t) => /Posted to X/.test(t)).length, 1, texts.join(' | '));
    assert.equal(texts.filter((t) => /Already reviewed|already handled/.test(t)).length, 1, texts.join(' | '));
    assert.equal(fakeX.posts().length, 1);
    assert.equal(fakeX.timeline(account.id).filter((tweet) => tweet.sent === text).length, 1);
  });

  it('GIVEN an approver rejects with a note THEN nothing is posted and the author gets the note, in the channel when DMs are closed', async () => {
    const world = twitterWorld();
    await connectAccount(world, world.carol, 'rejectedposts');
    await setupApproval(world);
    world.emu.closeDms(world.carol);
    const preview = await world.carol.slash(world.general, 'twitter post', { text: uniqueText('Needs work') });
    const id = postIdOf(preview.text);
    await world.carol.click(preview.message, `twitter.send:${id}`);
    const request = await reviewRequest(world, id);
    const modal = await world.bob.click(request, `twitter.reject:${id}:0`);
    assert.equal(modal.kind, 'modal');
    const done = await world.bob.submitModal(world.review, `twitter.rejectNote:${id}:0`, {
      note: 'Tone it down @everyone',
    });
    assert.match(done.text, /Rejected post/);
    const told = await eventually(() => {
      const found = world.emu.messages(world.general).find((m) => /not approved/.test(m.text));
      assert.ok(found);
      return found;
    });
    assert.match(told.text, /Tone it down/);
    assert.deepEqual(told.raw.mention_everyone, false);
    assert.deepEqual(
      (told.raw.mentions as { id: string }[]).map((user) => user.id),
      [world.carol.id],
    );
    assert.equal(fakeX.posts().length, 0);
    assert.equal((await postRow(id)).status, 'rejected');
  });

  it('GIVEN approval is off but the post mentions a sensitive topic THEN it still goes to review', async () => {
    const world = twitterWorld();
    await world.alice.slash(world.general, 'twitter settings', { 'review-channel': world.review });
    const preview = await world.owner.slash(world.general, 'twitter post', {
      text: uniqueText('Talking about suicide prevention today'),
      account: 'bot',
    });
    assert.match(preview.text, /sensitive topic \(suicide or self-harm\)/);
    const sent = await world.owner.click(preview.message, `twitter.send:${postIdOf(preview.text)}`);
    assert.match(sent.text, /Sent for review/);
    assert.equal(fakeX.posts().length, 0);
  });
});
