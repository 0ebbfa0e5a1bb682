import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { SystemLog } from 'mellow';
import { SupportTicket } from '../entities/SupportTicket';
import { TicketOutbox } from '../entities/TicketOutbox';
import { guilddebug } from '../lib/config';
import { deliverPendingTickets } from '../lib/tickets/delivery';
import { GUILD_DAILY_LIMIT, SUPPORT_ROLE_ID } from './env';
import { em, eventually, removeTickets, requestSupport, ticket, ticketNumber } from './helpers';
import { guilddebugWorld } from './world';

describe('guilddebug support tickets', () => {
  let world: ReturnType<typeof guilddebugWorld>;
  beforeEach(() => (world = guilddebugWorld()));
  afterEach(() => removeTickets(world.guild.id));

  it('GIVEN the whole flow THEN the ticket goes to the support channel, staff and requester talk, and staff resolve it', async () => {
    const { emu, carol, general, staff, support } = world;
    const { submitted } = await requestSupport(carol, general, { severity: 'critical', consent: 'yes' });
    assert.ok(submitted?.ephemeral);
    assert.match(submitted.text, /Ticket #\d+ sent to Mellow support/);
    const id = ticketNumber(submitted.text);

    const [post] = emu.messages(support.channel).filter((m) => m.text.includes(`Ticket #${id}`));
    assert.ok(post, 'the ticket is posted in the support channel');
    assert.match(post.content, new RegExp(`<@&${SUPPORT_ROLE_ID}>`), 'critical tickets ping the support role');
    assert.match(post.text, /The bot stopped answering/);
    assert.match(post.text, /Staff may join\nyes/);
    const request = emu.requests.find(
      (r) => r.method === 'POST' && r.path.endsWith(`/channels/${support.channel.id}/messages`),
    );
    assert.deepEqual((request?.body as { allowed_mentions: unknown }).allowed_mentions, {
      parse: [],
      roles: [SUPPORT_ROLE_ID],
    });

    const stored = await ticket(id);
    assert.equal(stored.status, 'open');
    assert.equal(stored.supportThreadId, post.id, 'the thread hangs off the post');
    const [first] = emu.messages(post.id);
    assert.equal(first.attachments[0]?.filename, `ticket-${id}-diagnostics.json`);
    assert.deepEqual(first.customIds, [`guilddebug.ticket:acknowledged:${id}`, `guilddebug.ticket:resolved:${id}`]);

    await staff.say(post.id, 'Can you check the log channel permissions?');
    await eventually(() => assert.match(emu.dms(carol).at(-1)?.text ?? '', /log channel permissions/));
    await staff.say(post.id, '// internal: probably their role order');
    const reply = await carol.slash(general, 'guilddebug reply', { ticket: id, message: 'Fixed it, thanks!' });
    assert.match(reply.text, /Reply sent/);
    assert.match(emu.messages(post.id).at(-1)?.text ?? '', /The requester answered.*Fixed it, thanks!/s);
    assert.equal(emu.dms(carol).filter((dm) => dm.text.includes('internal')).length, 0, 'notes stay in the thread');

    const acked = await staff.click(first, `guilddebug.ticket:acknowledged:${id}`);
    assert.equal(acked.kind, 'update');
    assert.equal((await ticket(id)).status, 'acknowledged');
    await eventually(() => assert.match(emu.dms(carol).at(-1)?.text ?? '', /has seen your ticket/));
    await staff.click(first, `guilddebug.ticket:resolved:${id}`);
    assert.equal((await ticket(id)).status, 'resolved');
    await eventually(() => assert.match(emu.dms(carol).at(-1)?.text ?? '', /marked your ticket as resolved/));

    const late = await carol.slash(general, 'guilddebug reply', { ticket: id, message: 'one more thing' });
    assert.match(late.text, /is resolved/);
  });

  it('GIVEN someone who is not staff THEN the ticket buttons refuse them', async () => {
    const { emu, carol, general, support } = world;
    const { submitted } = await requestSupport(carol, general);
    const id = ticketNumber(submitted!.text);
    const [first] = emu.messages((await ticket(id)).supportThreadId!);
    support.guild.addMember(carol);
    const refused = await carol.click(first, `guilddebug.ticket:resolved:${id}`);
    assert.match(refused.text, /Only Mellow staff/);
    assert.equal((await ticket(id)).status, 'open');
  });

  it('GIVEN closed DMs THEN staff answers go to the log channel, or wait for /guilddebug tickets', async () => {
    const { emu, bob, alice, general, logs, staff } = world;
    const { submitted } = await requestSupport(bob, general);
    const id = ticketNumber(submitted!.text);
    const threadId = (await ticket(id)).supportThreadId!;
    emu.closeDms(bob);

    await staff.say(threadId, 'No log channel yet, so this waits');
    await eventually(async () => assert.equal(await em().count(TicketOutbox, { ticketId: id }), 1));
    const listed = await bob.slash(general, 'guilddebug tickets');
    assert.match(listed.text, /1 answer waiting/);
    assert.doesNotMatch(listed.text, /this waits/, 'lists never show message text');

    await alice.slash(general, 'settings log-channel', { channel: logs.id });
    await staff.say(threadId, 'Try turning it off and on');
    await eventually(() => assert.match(emu.messages(logs).at(-1)?.text ?? '', /Try turning it off and on/));
    assert.match(emu.messages(logs).at(-1)?.content ?? '', new RegExp(`<@${bob.id}>`));

    emu.openDms(bob);
    const again = await bob.slash(general, 'guilddebug tickets');
    assert.match(again.text, /sent you 1 answer/);
    assert.match(emu.dms(bob).at(-1)?.text ?? '', /this waits/);
    assert.equal(await em().count(TicketOutbox, { ticketId: id }), 0);
  });

  it('GIVEN a user asked within the cooldown THEN the refusal says when, even for a request another process stored', async () => {
    const { bob, carol, general, guild } = world;
    const { submitted } = await requestSupport(bob, general);
    assert.match(submitted!.text, /sent to Mellow support/);
    const { form } = await requestSupport(bob, general);
    assert.equal(form.kind, 'message');
    assert.match(form.text, /You can ask again <t:\d+:R>/);

    // A row written by another process (or before a restart) counts the same.
    await em().insert(SupportTicket, {
      guildId: guild.id,
      requesterId: carol.id,
      summary: 'from elsewhere',
      details: 'x',
      severity: 'low',
      consent: false,
      status: 'open',
      supportMessageId: 'elsewhere',
      createdAt: new Date(Date.now() - 59 * 60_000),
      updatedAt: new Date(),
    });
    const refused = await carol.slash(general, 'guilddebug request-support');
    assert.match(refused.text, /You can ask again <t:\d+:R>/);
  });

  it(`GIVEN ${GUILD_DAILY_LIMIT} requests from a server today THEN the next one is refused with the time it is possible again`, async () => {
    const { emu, alice, bob, carol, general, guild } = world;
    for (const user of [alice, bob, carol]) {
      const { submitted } = await requestSupport(user, general);
      assert.match(submitted!.text, /Ticket #\d+/);
    }
    const dave = emu.users.create({ username: 'dave' });
    guild.addMember(dave);
    const { form } = await requestSupport(dave, general);
    assert.match(form.text, /This server asked for support often today/);
    assert.match(form.text, /possible <t:\d+:R>/);
    assert.equal(await em().count(SupportTicket, { guildId: guild.id }), GUILD_DAILY_LIMIT);
  });

  it('GIVEN no support server is configured THEN the request is kept, the user is told, and it goes out later', async () => {
    const { emu, bob, general, support } = world;
    const config = guilddebug().config;
    const saved = config.supportGuildId;
    config.supportGuildId = null;
    let id: number;
    try {
      const { submitted } = await requestSupport(bob, general, { summary: 'Nobody hears me' });
      assert.match(submitted!.text, /saved, not yet sent/);
      assert.match(submitted!.text, /no support server set up/);
      id = ticketNumber(submitted!.text);
      assert.equal((await ticket(id)).supportMessageId, null);
      const reply = await bob.slash(general, 'guilddebug reply', { ticket: id, message: 'still broken' });
      assert.match(reply.text, /Reply saved/);
    } finally {
      config.supportGuildId = saved;
    }
    await deliverPendingTickets();
    const post = emu.messages(support.channel).find((m) => m.text.includes(`Ticket #${id}: Nobody hears me`));
    assert.ok(post, 'delivered once the support server is back');
    assert.match(emu.messages(post.id).at(-1)?.text ?? '', /still broken/);
    assert.equal(await em().count(TicketOutbox, { ticketId: id }), 0);
  });

  describe('join-guild', () => {
    it('GIVEN no consent THEN it refuses and says why; GIVEN consent THEN a one-use 24 h invite, logged in both servers', async () => {
      const { emu, bob, carol, general, guild, staff, support } = world;
      const none = await staff.slash(support.channel, 'guilddebug join-guild', { 'guild-id': guild.id });
      assert.match(none.text, /No consent from that server/);

      // A member is never asked for consent: the form has no such field, so their ticket can't grant it.
      const { form } = await requestSupport(bob, general);
      assert.doesNotMatch(form.text, /Let staff join/);
      const refused = await staff.slash(support.channel, 'guilddebug join-guild', { 'guild-id': guild.id });
      assert.match(refused.text, /No consent from that server/);

      await requestSupport(carol, general, { consent: 'yes' });
      const invite = await staff.slash(support.channel, 'guilddebug join-guild', { 'guild-id': guild.id });
      assert.ok(invite.ephemeral);
      assert.match(invite.text, /discord\.gg\/\w+/);
      const created = emu.requests.find((r) => r.method === 'POST' && /\/channels\/\d+\/invites$/.test(r.path));
      assert.deepEqual(
        {
          max_age: (created?.body as { max_age: number }).max_age,
          max_uses: (created?.body as { max_uses: number }).max_uses,
        },
        { max_age: 86_400, max_uses: 1 },
      );
      await container.mellow.systemLog.flush();
      const logged = await em().find(SystemLog, { type: 'support', title: { $ilike: '%invite%' }, userId: staff.id });
      assert.deepEqual(logged.map((row) => row.guildId).sort(), [guild.id, support.guild.id].sort());
      await em().nativeDelete(SystemLog, { id: { $in: logged.map((row) => row.id) } });
    });

    it('GIVEN the bot may not create invites THEN staff are told which permission is missing', async () => {
      const { carol, general, guild, staff, support } = world;
      await requestSupport(carol, general, { consent: 'yes' });
      for (const name of ['general', 'logs']) {
        guild.setChannelOverwrite(guild.channel(name), { id: guild.botRole, deny: 1n /* CreateInstantInvite */ });
      }
      const refused = await staff.slash(support.channel, 'guilddebug join-guild', { 'guild-id': guild.id });
      assert.match(refused.text, /lacks \*\*Create Invite\*\*/);
    });
  });
});
