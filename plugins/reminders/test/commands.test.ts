import assert from 'node:assert/strict';
import { createWorld, eventually } from '../../../test/setup/world';
import { PermissionFlagsBits } from 'discord.js';
import { Reminder } from '../entities/Reminder';
import { cleanUp, em, findReminder, reminderIdOf, sentTo } from './helpers';

describe('reminders: managing them', () => {
  let w: ReturnType<typeof createWorld>;
  before(() => (w = createWorld()));
  afterEach(() => cleanUp(w.alice.id, w.bob.id, w.carol.id));

  const create = async (what: string, when = 'in 2 hours', user = w.alice) =>
    reminderIdOf((await user.slash(w.general, 'remind me', { when, what })).text);

  it('GIVEN 6 reminders THEN /remind list pages with buttons, and picking one offers Edit, Delete and Pause', async () => {
    const { alice, general } = w;
    for (let i = 1; i <= 5; i++) await create(`task ${i}`, `in ${i} hours`);
    const daily = await create('daily task', 'every day at 23:59');
    const list = await alice.slash(general, 'remind list');
    assert.ok(list.ephemeral);
    assert.match(list.text, /Your reminders \(6\)/);
    assert.match(list.text, /Page 1 of 2/);
    assert.ok(list.message!.customIds.includes(`reminders.list:${alice.id}:1`));
    const second = await alice.click(list.message, `reminders.list:${alice.id}:1`);
    assert.match(second.text, /Page 2 of 2/);
    assert.match(second.text, /task 5|daily task/);
    const picked = await alice.select(second.message, `reminders.pick:${alice.id}`, [String(daily)]);
    assert.match(picked.text, new RegExp(`Reminder #${daily}`));
    assert.deepEqual(picked.message!.customIds, [
      `reminders.edit:${daily}`,
      `reminders.pause:${daily}`,
      `reminders.delete:${daily}`,
      `reminders.list:${alice.id}:0`,
    ]);
    const paused = await alice.click(picked.message, `reminders.pause:${daily}`);
    assert.match(paused.text, /paused/);
    assert.equal((await findReminder(daily))?.state, 'paused');
    const deleted = await alice.click(paused.message, `reminders.delete:${daily}`);
    assert.match(deleted.text, new RegExp(`Deleted #${daily}.*Your reminders \\(5\\)`));
    assert.equal(await findReminder(daily), null);
  });

  it('GIVEN the Edit button THEN a form changes the text and time', async () => {
    const { alice, general } = w;
    const id = await create('old text');
    const list = await alice.slash(general, 'remind list');
    const picked = await alice.select(list.message, `reminders.pick:${alice.id}`, [String(id)]);
    const form = await alice.click(picked.message, `reminders.edit:${id}`);
    assert.equal(form.kind, 'modal');
    const saved = await alice.submitModal(general, `reminders.editModal:${id}`, {
      when: 'tomorrow 8am',
      what: 'new text',
    });
    assert.match(saved.text, /changed/);
    const row = await findReminder(id);
    assert.equal(row?.text, 'new text');
    assert.equal(row?.dueAt.getUTCHours(), 8);
  });

  it('GIVEN /remind edit and /remind delete THEN they change only your own reminders, and autocomplete offers only yours', async () => {
    const { alice, bob, general } = w;
    const mine = await create('mine');
    const theirs = await create('theirs', 'in 3 hours', bob);
    const choices = await alice.autocomplete(general, 'remind delete', 'id', '');
    assert.deepEqual(
      choices.map((choice) => choice.value),
      [mine],
    );
    const refused = await alice.slash(general, 'remind delete', { id: theirs });
    assert.match(refused.text, /Reminder not found/);
    assert.ok(await findReminder(theirs));
    const edited = await alice.slash(general, 'remind edit', { id: mine, what: 'mine, edited' });
    assert.match(edited.text, /mine, edited/);
    const nothing = await alice.slash(general, 'remind edit', { id: mine });
    assert.match(nothing.text, /Nothing to change/);
    const deleted = await alice.slash(general, 'remind delete', { id: mine });
    assert.match(deleted.text, new RegExp(`Deleted reminder #${mine}`));
    assert.equal(await findReminder(mine), null);
  });

  it('GIVEN /remind pause and resume THEN only repeating reminders pause, and resume picks the next time', async () => {
    const { alice, general } = w;
    const once = await create('once');
    assert.match((await alice.slash(general, 'remind pause', { id: once })).text, /Only repeating reminders pause/);
    const weekly = await create('weekly', 'every monday 10:00');
    assert.match((await alice.slash(general, 'remind pause', { id: weekly })).text, /Paused/);
    assert.match((await alice.slash(general, 'remind resume', { id: weekly })).text, /Resumed.*\n?.*<t:\d+:F>/s);
    const row = await findReminder(weekly);
    assert.equal(row?.state, 'pending');
    assert.equal(row?.dueAt.getUTCDay(), 1);
  });

  it('GIVEN a time zone THEN times are read in it, autocomplete finds zones, and the server default applies to others', async () => {
    const { alice, bob, carol, general } = w;
    const zones = await alice.autocomplete(general, 'timezone set', 'zone', 'kolkata');
    assert.equal(zones[0]?.value, 'Asia/Kolkata');
    assert.match((await alice.slash(general, 'timezone set', { zone: 'Asia/Kolkata' })).text, /Asia\/Kolkata/);
    const id = await create('chai', 'tomorrow 9am');
    const due = (await findReminder(id))!.dueAt;
    assert.equal(`${due.getUTCHours()}:${due.getUTCMinutes()}`, '3:30', '09:00 in Kolkata is 03:30 UTC');

    assert.match((await bob.slash(general, 'timezone server', { zone: 'Europe/Berlin' })).text, /Manage Server/);
    assert.match((await carol.slash(general, 'timezone server', { zone: 'europe/berlin' })).text, /Europe\/Berlin/);
    assert.match((await bob.slash(general, 'timezone view')).text, /Europe\/Berlin.*server's default/s);
    assert.match((await alice.slash(general, 'timezone view')).text, /Asia\/Kolkata.*you set it/s);
    assert.match((await alice.slash(general, 'timezone set', { zone: 'Mars/Olympus_Mons' })).text, /Unknown time zone/);
  });

  it('GIVEN message commands THEN !remind <when> to <what>, !reminders and !remind delete work', async () => {
    const { emu, bob, general } = w;
    const said = await bob.say(general, '!remind in 3 hours to water the plants');
    const reply = await emu.waitForMessage({ channelId: general.id, after: said.id });
    assert.match(reply.text, /Reminder set.*water the plants/s);
    const id = reminderIdOf(reply.text);
    const asked = await bob.say(general, '!reminders');
    const pointer = await emu.waitForMessage({ channelId: general.id, after: asked.id });
    assert.match(pointer.text, /Sent by DM/);
    assert.doesNotMatch(pointer.text, /water the plants/);
    const afterAsking = emu.messages(general).filter((m) => BigInt(m.id) > BigInt(asked.id));
    assert.ok(!afterAsking.some((m) => /water the plants/.test(m.text)), 'the list never goes into the channel');
    assert.match(emu.dms(bob).at(-1)!.text, /Your reminders \(1\).*water the plants/s);
    const bad = await bob.say(general, '!remind whenever');
    assert.match((await emu.waitForMessage({ channelId: general.id, after: bad.id })).text, /!remind <when> to <what>/);
    const del = await bob.say(general, `!remind delete ${id}`);
    assert.match((await emu.waitForMessage({ channelId: general.id, after: del.id })).text, /Deleted/);
  });

  it('GIVEN /remind channel THEN only Manage Server or Manage Messages may, and it pings exactly the role given', async () => {
    const { emu, bob, carol, guild, general, logs } = w;
    const refused = await bob.slash(general, 'remind channel', { channel: logs, when: 'in 1 second', what: 'x' });
    assert.match(refused.text, /Manage Server.*Manage Messages/);
    const everyone = await carol.slash(general, 'remind channel', {
      channel: logs,
      when: 'in 1 hour',
      what: 'x',
      role: { id: guild.id },
    });
    assert.match(everyone.text, /not @everyone/);
    const team = guild.createRole({ name: 'Team' });
    const set = await carol.slash(general, 'remind channel', {
      channel: logs,
      when: 'in 1 second',
      what: 'standup @everyone @here',
      role: team,
    });
    assert.match(set.text, /Channel reminder set/);
    const posted = await eventually(() => {
      const found = emu.messages(logs).find((m) => m.text.includes('standup'));
      assert.ok(found);
      return found;
    }, 10_000);
    assert.match(posted.content, new RegExp(`<@&${team.id}>`));
    const body = sentTo(emu, logs.id).at(-1)!.body as { allowed_mentions: unknown };
    assert.deepEqual(body.allowed_mentions, { parse: [], users: [], roles: [team.id] });
    const notTheirs = await bob.click(posted, posted.customIds[0]!);
    assert.match(notTheirs.text, /Not your reminder/);
    const notTheirsToDismiss = await bob.click(posted, posted.customIds.at(-1)!);
    const [refusal] = await notTheirsToDismiss.followUps();
    assert.ok(refusal.ephemeral);
    assert.match(refusal.text, /Not your reminder/);
    assert.equal(emu.messages(logs).find((m) => m.id === posted.id)?.customIds.length, 4, 'the buttons stay');
  });

  it('GIVEN Manage Messages only where they typed, or a role they may not ping THEN /remind channel refuses and saves nothing', async () => {
    const { bob, carol, guild, general, logs } = w;
    guild.setChannelOverwrite(general, { id: bob, type: 1, allow: PermissionFlagsBits.ManageMessages });
    guild.setChannelOverwrite(logs, { id: guild.everyoneRole, type: 0, deny: PermissionFlagsBits.MentionEveryone });
    try {
      const elsewhere = await bob.slash(general, 'remind channel', { channel: logs, when: 'in 1 hour', what: 'x' });
      assert.match(elsewhere.text, /can't set reminders in #logs/);
      const here = await bob.slash(general, 'remind channel', { channel: general, when: 'in 1 hour', what: 'here ok' });
      assert.match(here.text, /Channel reminder set/);
      const quiet = guild.createRole({ name: 'Quiet', mentionable: false });
      const unpingable = await carol.slash(general, 'remind channel', {
        channel: logs,
        when: 'in 1 hour',
        what: 'y',
        role: quiet,
      });
      assert.match(unpingable.text, /can't ping @Quiet/);
      const loud = guild.createRole({ name: 'Loud', mentionable: true });
      const pingable = await carol.slash(general, 'remind channel', {
        channel: logs,
        when: 'in 1 hour',
        what: 'z',
        role: loud,
      });
      assert.match(pingable.text, /Channel reminder set/);
      const rows = await em().find(Reminder, { userId: { $in: [bob.id, carol.id] } });
      assert.deepEqual(rows.map((row) => row.text).sort(), ['here ok', 'z']);
    } finally {
      guild.setChannelOverwrite(general, { id: bob, type: 1 });
      guild.setChannelOverwrite(logs, { id: guild.everyoneRole, type: 0 });
    }
  });
});
