import assert from 'node:assert/strict';
import { pluginContext } from 'mellow';
import type { Actor } from '../../../src/testkit/emulator';
import { container } from '@sapphire/framework';
import { TwitterPost } from '../entities/TwitterPost';
import { TwitterRecurring } from '../entities/TwitterRecurring';
import { createWorld, eventually } from '../../../test/setup/world';
import { fakeX } from './env';
import type { FakeUser } from './fakeX/FakeX';

export { eventually };

const worlds: string[] = [];

/**
 * Cancels what the tests' guilds still have queued (and its jobs), after waiting for attempts under
 * way, so no retry of one test posts during another.
 */
export async function settleTwitter(): Promise<void> {
  const guildIds = worlds.splice(0);
  if (!guildIds.length) return;
  const pending = { guildId: { $in: guildIds } };
  await eventually(
    async () => assert.equal(await em().count(TwitterPost, { ...pending, status: 'posting' }), 0),
    15_000,
  );
  const queued = await em().find(TwitterPost, { ...pending, status: { $in: ['draft', 'review', 'scheduled'] } });
  await em().nativeUpdate(TwitterPost, { id: { $in: queued.map((post) => post.id) } }, { status: 'cancelled' });
  await em().nativeDelete(TwitterRecurring, pending);
  const jobs = await container.tasks.list({ types: ['delayed', 'waiting', 'failed'] });
  const ids = new Set(queued.map((post) => String(post.id)));
  for (const job of jobs) {
    if (ids.has(/^twitter-(?:post|stuck)-(\d+)-/.exec(job?.id ?? '')?.[1] ?? '')) await job.remove().catch(() => null);
  }
}

afterEach(settleTwitter);

let counter = 0;
/** A text no other test posts, since X refuses duplicates. */
export const uniqueText = (text: string) => `${text} (${process.pid}-${++counter}-${Date.now() % 100_000})`;

export const em = () => pluginContext('twitter').em();

/**
 * A fresh guild plus: the bot owner as a member, an approver role given to bob, and a review
 * channel. The fake X forgets its faults and requests.
 */
export function twitterWorld() {
  const world = createWorld();
  fakeX.reset();
  worlds.push(world.guild.id);
  const owner = world.emu.ownerUser;
  world.guild.addMember(owner);
  const approvers = world.guild.createRole({ name: 'Approvers', permissions: 0n });
  world.guild.addMember(world.bob, { roles: [approvers] });
  const review = world.guild.createChannel({ name: 'x-review' });
  return { ...world, owner, approvers, review };
}

type World = ReturnType<typeof twitterWorld>;

/** Runs the PIN flow as `admin`: connect, authorize on (fake) X, enter the PIN. */
export async function connectAccount(world: World, admin: Actor, username: string): Promise<FakeUser> {
  const user = fakeX.addUser(username);
  const started = await admin.slash(world.general, 'twitter connect');
  const link = linkOf(started.components);
  const requestToken = new URL(link).searchParams.get('oauth_token')!;
  const pin = fakeX.authorize(requestToken, user.id);
  const modal = await admin.click(started.message, 'twitter.pin');
  assert.equal(modal.kind, 'modal');
  const done = await admin.submitModal(world.general, 'twitter.pinEntered', { pin });
  assert.match(done.text, new RegExp(`Connected @${username}`));
  return user;
}

export function linkOf(components: unknown[]): string {
  const urls: string[] = [];
  const visit = (component: unknown) => {
    const c = component as { url?: string; components?: unknown[] };
    if (c.url) urls.push(c.url);
    c.components?.forEach(visit);
  };
  components.forEach(visit);
  assert.ok(urls[0], 'the reply has a link button');
  return urls[0];
}

export async function postRow(id: number): Promise<TwitterPost> {
  return (await em().findOne(TwitterPost, id))!;
}

export const postIdOf = (text: string) => Number(/#(\d+)/.exec(text)?.[1]);

export async function setupApproval(world: World) {
  const reply = await world.alice.slash(world.general, 'twitter settings', {
    approval: true,
    'review-channel': world.review,
    'approver-role': world.approvers,
  });
  assert.match(reply.text, /X settings saved/);
}

/** The review request of a post, in the review channel. */
export function reviewRequest(world: World, postId: number) {
  return eventually(() => {
    const found = world.emu
      .messages(world.review)
      .findLast((m) => m.customIds.some((id) => id.startsWith(`twitter.approve:${postId}:`)));
    assert.ok(found, 'a review request was posted');
    return found;
  });
}
