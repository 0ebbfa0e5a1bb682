import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import winston from 'winston';
import { logger } from '../../../src/lib/logging/logger';
import { botAccount, fakeX } from './env';
import type { ProblemName } from './fakeX/problems';
import { connectAccount, postIdOf, twitterWorld, uniqueText } from './helpers';

/** Posts with the bot-wide account and clicks Post; resolves to what the owner sees. */
async function postNow(world: ReturnType<typeof twitterWorld>, text = uniqueText('checked')) {
  const preview = await world.owner.slash(world.general, 'twitter post', { text, account: 'bot' });
  return world.owner.click(preview.message, `twitter.send:${postIdOf(preview.text)}`);
}

const cases: [ProblemName, RegExp[]][] = [
  ['unauthorized', [/401 Unauthorized/, /TWITTER_API_KEY/, /twitter connect/]],
  ['oauth1Permissions', [/oauth1-permissions/, /Read and write/, /regenerate the access token/]],
  ['clientNotEnrolled', [/client-not-enrolled/, /attach the app to it/, /X said: “When authenticating/]],
];

describe('twitter: diagnostics', () => {
  for (const [problem, expected] of cases) {
    it(`GIVEN X answers ${problem} THEN the reply explains it with its fix and nothing is retried`, async () => {
      const world = twitterWorld();
      fakeX.faults.add({ method: 'POST', path: '/2/tweets', problem, times: 1 });
      const reply = await postNow(world);
      assert.match(reply.text, /Not posted/);
      for (const pattern of expected) assert.match(reply.text, pattern);
      assert.equal(fakeX.posts().length, 1, 'not retried');
      const status = await world.owner.slash(world.general, 'twitter status');
      assert.match(status.text, /Last error/);
      assert.match(status.text, expected[0]!);
    });
  }

  it('GIVEN the same text twice THEN X’s duplicate refusal is reported as a duplicate', async () => {
    const world = twitterWorld();
    const text = uniqueText('Say it once');
    assert.match((await postNow(world, text)).text, /Posted to X/);
    const again = await postNow(world, text);
    assert.match(again.text, /duplicate post/);
    assert.match(again.text, /Change the wording/);
    assert.equal(fakeX.timeline(botAccount.id).filter((tweet) => tweet.sent === text).length, 1);
  });

  it('GIVEN X’s 24-hour limit is spent on a post click THEN it says when posting can resume and queues the post', async () => {
    const world = twitterWorld();
    const resetAt = new Date(Math.floor(Date.now() / 1000 + 7200) * 1000);
    fakeX.faults.add({ method: 'POST', path: '/2/tweets', problem: 'tooManyRequests', times: 1, resetAt });
    const reply = await postNow(world);
    assert.match(reply.text, /429 Too Many Requests/);
    assert.match(reply.text, new RegExp(`Posting can resume <t:${resetAt.getTime() / 1000}:F>`));
    assert.match(reply.text, /queued/);
    await world.owner.slash(world.general, 'twitter queue remove', { id: postIdOf(reply.text) });
  });

  it('GIVEN read-only tokens THEN /twitter test says so before any post fails', async () => {
    const world = twitterWorld();
    const user = await connectAccount(world, world.carol, 'readonlyapp');
    fakeX.setAccess(user.id, 'read');
    const test = await world.carol.slash(world.general, 'twitter test');
    assert.match(test.text, /Connection to X has a problem/);
    assert.match(test.text, /can only read/);
    assert.match(test.text, /regenerate/);
  });

  it('GIVEN revoked keys THEN /twitter test and /twitter status explain a 401', async () => {
    const world = twitterWorld();
    fakeX.faults.add({ method: 'GET', path: '/2/users/me', problem: 'unauthorized' });
    const test = await world.owner.slash(world.general, 'twitter test');
    assert.match(test.text, /401 Unauthorized/);
    const status = await world.owner.slash(world.general, 'twitter status');
    assert.match(status.text, /unreachable: X rejected the keys/);
  });

  it('GIVEN failures and debug logging THEN no token or key appears in any log line or reply', async () => {
    const world = twitterWorld();
    await connectAccount(world, world.carol, 'secretkeeper');
    const lines: string[] = [];
    const capture = new winston.transports.Stream({
      level: 'trace',
      stream: new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) }),
    });
    const previousLevel = logger.level;
    const consoles = logger.transports.filter((transport) => !transport.silent);
    consoles.forEach((transport) => (transport.silent = true));
    logger.add(capture);
    logger.level = 'trace';
    try {
      fakeX.faults.add({ method: 'POST', path: '/2/tweets', problem: 'unauthorized', times: 1 });
      await postNow(world);
      fakeX.faults.add({ method: 'POST', path: '/2/tweets', hang: { created: false }, times: 1 });
      await postNow(world);
      fakeX.faults.add({ method: 'GET', path: '/2/users/me', problem: 'oauth1Permissions' });
      await world.carol.slash(world.general, 'twitter test');
      await world.carol.slash(world.general, 'twitter status');
    } finally {
      logger.remove(capture);
      logger.level = previousLevel;
      consoles.forEach((transport) => (transport.silent = false));
    }
    const replies = world.emu.messages(world.general).map((message) => message.text);
    const everything = [...lines, ...replies].join('\n');
    assert.ok(replies.length > 0 && lines.length > 0);
    for (const secret of fakeX.issuedSecrets()) assert.ok(!everything.includes(secret), 'a secret leaked');
  });
});
