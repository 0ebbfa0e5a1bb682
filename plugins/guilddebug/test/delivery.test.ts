import assert from 'node:assert/strict';
import { SupportTicket } from '../entities/SupportTicket';
import { TicketOutbox } from '../entities/TicketOutbox';
import { CLAIM_TIMEOUT_MS, deliverPendingTickets } from '../lib/tickets/delivery';
import { SUPPORT_CHANNEL_ID } from './env';
import { em, removeTickets, requestSupport, ticket, ticketNumber } from './helpers';
import { guilddebugWorld } from './world';

describe('guilddebug ticket delivery when Discord fails', () => {
  let world: ReturnType<typeof guilddebugWorld>;
  beforeEach(() => (world = guilddebugWorld()));
  afterEach(() => removeTickets(world.guild.id));

  const postsOf = (id: number) =>
    world.emu.messages(world.support.channel).filter((m) => m.text.includes(`Ticket #${id}:`));

  /** The snapshot with the staff buttons, first in the ticket's thread. */
  const assertThreadReady = async (id: number) => {
    const [post] = postsOf(id);
    assert.equal((await ticket(id)).supportThreadId, post.id, 'the thread hangs off the one post');
    const [first] = world.emu.messages(post.id);
    assert.deepEqual(first?.customIds, [`guilddebug.ticket:acknowledged:${id}`, `guilddebug.ticket:resolved:${id}`]);
  };

  it('GIVEN the post succeeds but the thread fails once THEN the retry reuses the post and adds the thread', async () => {
    const { emu, carol, general } = world;
    emu.faults.add({ method: 'POST', path: '/channels/:channelId/messages/:messageId/threads', status: 403 });
    const { submitted } = await requestSupport(carol, general);
    assert.match(submitted!.text, /saved, not yet sent/);
    const id = ticketNumber(submitted!.text);
    assert.equal(postsOf(id).length, 1);

    await deliverPendingTickets();
    await deliverPendingTickets();
    assert.equal(postsOf(id).length, 1, 'exactly one post in the support channel');
    await assertThreadReady(id);
  });

  it('GIVEN the thread is created but its first message fails THEN the retry fills that thread', async () => {
    const { emu, carol, general } = world;
    // Any channel's messages but the support channel's: the thread, whose id is not known yet.
    emu.faults.add({
      method: 'POST',
      path: new RegExp(`^/channels/(?!${SUPPORT_CHANNEL_ID})\\d+/messages$`),
      status: 403,
    });
    const { submitted } = await requestSupport(carol, general);
    assert.match(submitted!.text, /saved, not yet sent/);
    const id = ticketNumber(submitted!.text);

    await deliverPendingTickets();
    assert.equal(postsOf(id).length, 1);
    await assertThreadReady(id);
    assert.equal(emu.messages(postsOf(id)[0].id).length, 1, 'one snapshot in the thread');
  });

  it('GIVEN a claim left by a process that died THEN reconcile posts the ticket; GIVEN a fresh claim THEN it waits', async () => {
    const { guild, carol, bob } = world;
    const stored = (requesterId: string, summary: string, claimedAgoMs: number) =>
      em().insert(SupportTicket, {
        guildId: guild.id,
        requesterId,
        summary,
        details: 'x',
        severity: 'low',
        consent: false,
        status: 'open',
        deliveryClaimedAt: new Date(Date.now() - claimedAgoMs),
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    const abandoned = await stored(carol.id, 'Abandoned mid-post', CLAIM_TIMEOUT_MS + 60_000);
    const inFlight = await stored(bob.id, 'Being posted elsewhere', 1_000);

    await deliverPendingTickets();
    assert.equal(postsOf(abandoned).length, 1, 'the abandoned claim no longer blocks the ticket');
    await assertThreadReady(abandoned);
    assert.equal(postsOf(inFlight).length, 0, 'a live claim is left to its process');
  });

  describe('replies', () => {
    const threadMessages = (threadId: string) => world.emu.messages(threadId).map((m) => m.text);

    it('GIVEN Discord refuses a reply once THEN it is kept, and reconcile or the next reply posts it in order', async () => {
      const { emu, carol, general } = world;
      const { submitted } = await requestSupport(carol, general);
      const id = ticketNumber(submitted!.text);
      const threadId = (await ticket(id)).supportThreadId!;
      const reply = (message: string) => carol.slash(general, 'guilddebug reply', { ticket: id, message });

      emu.faults.add({ method: 'POST', path: `/channels/${threadId}/messages`, status: 403 });
      const refused = await reply('first answer');
      assert.match(refused.text, /Reply saved/);
      assert.match(refused.text, /as soon as Discord lets us/);
      assert.equal(threadMessages(threadId).filter((t) => t.includes('first answer')).length, 0);

      await deliverPendingTickets();
      assert.match(threadMessages(threadId).at(-1)!, /first answer/);
      assert.equal(await em().count(TicketOutbox, { ticketId: id }), 0);

      emu.faults.add({ method: 'POST', path: `/channels/${threadId}/messages`, status: 403 });
      assert.match((await reply('second answer')).text, /Reply saved/);
      assert.match((await reply('third answer')).text, /Reply sent/);
      const latest = threadMessages(threadId).slice(-2);
      assert.match(latest[0], /second answer/, 'the kept reply goes first');
      assert.match(latest[1], /third answer/);
      assert.equal(threadMessages(threadId).filter((t) => /(first|second|third) answer/.test(t)).length, 3);
      assert.equal(await em().count(TicketOutbox, { ticketId: id }), 0);
    });
  });
});
