import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { noMentions } from 'mellow';
import { bot } from '../../../test/setup/bot';
import { copingWorld, eventually, sql } from './helpers';

type Event = {
  id: number;
  message_id: string;
  details: string;
  dm_status: string;
  handled_by: string | null;
  outcome: string | null;
  alert_message_id: string | null;
};

const events = (guildId: string) =>
  sql<Event>('select * from "coping_crisis_event" where "guild_id" = ? order by "id"', [guildId]);

describe('coping crisis detection', () => {
  let world: ReturnType<typeof copingWorld>;
  before(async () => {
    world = copingWorld();
    const on = await world.alice.slash(world.general, 'coping settings', {
      detection: 'on',
      'alert-channel': world.logs.id,
      country: 'GB',
    });
    assert.match(on.text, /Detection:\*\* on/);
  });
  afterEach(async () => {
    await sql('delete from "coping_crisis_event" where "guild_id" = ?', [world.guild.id]);
    await sql('delete from "coping_dm_cooldown" where "user_id" in (?, ?, ?)', [
      world.alice.id,
      world.bob.id,
      world.carol.id,
    ]);
    await sql('delete from "coping_opt_out" where "user_id" in (?, ?, ?)', [
      world.alice.id,
      world.bob.id,
      world.carol.id,
    ]);
    await world.bob.slash(world.general, 'coping optin');
  });

  const alerts = () => world.emu.messages(world.logs).filter((m) => m.text.includes('Someone may need support'));

  const editTo = (sent: { raw: object }, content: string) =>
    world.emu.gateway.dispatch('MESSAGE_UPDATE', { ...sent.raw, content, edited_timestamp: new Date().toISOString() });

  /**
   * Waits until every message sent so far was inspected: alice sends a message that surely gets a
   * check-in (medium, so no alert), and once its event exists the earlier messages were handled.
   * Resolves to the events recorded for anything else.
   */
  async function othersAfterBarrier() {
    const sentinel = await world.alice.say(world.general, "i can't go on like this");
    const rows = await eventually(async () => {
      const all = await events(world.guild.id);
      assert.ok(all.find((row) => row.message_id === sentinel.id && row.dm_status !== 'none'));
      return all;
    });
    return rows.filter((row) => row.message_id !== sentinel.id);
  }

  it('GIVEN a member without Manage Server THEN settings are refused and nothing changes', async () => {
    const refused = await world.bob.slash(world.general, 'coping settings', { detection: 'off' });
    assert.match(refused.text, /Manage Server/);
    const sent = await world.bob.say(world.general, '!coping settings detection off');
    assert.match(
      (await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id })).text,
      /Manage Server/,
    );
    const view = await world.carol.slash(world.general, 'coping settings');
    assert.match(view.text, /Detection:\*\* on.*United Kingdom/s);
  });

  it('GIVEN an alert channel the bot cannot post in THEN the setting is refused with what is missing', async () => {
    const hidden = world.guild.createChannel('hidden');
    world.guild.setChannelOverwrite(hidden, { id: world.guild.botRole.id, type: 0, deny: 1n << 14n }); // Embed Links
    const refused = await world.carol.slash(world.general, 'coping settings', { 'alert-channel': hidden.id });
    assert.match(refused.text, /I need Embed Links.*Nothing was changed/s);
  });

  it('GIVEN a medium message THEN one gentle DM with the server country’s lines, and no alert', async () => {
    const sent = await world.bob.say(world.general, "i can't go on like this");
    const [dm] = await eventually(() => {
      const dms = world.emu.dms(world.bob);
      assert.equal(dms.length, 1);
      return dms;
    });
    assert.match(dm!.text, /Checking in.*You're not in trouble.*999 or 112.*Samaritans.*116 123.*\/coping optout/s);
    const [event] = await eventually(async () => {
      const rows = await events(world.guild.id);
      assert.equal(rows[0]?.dm_status, 'sent');
      return rows;
    });
    assert.equal(event!.message_id, sent.id);
    assert.deepEqual(alerts(), []);
  });

  it('GIVEN a high message THEN an alert with a link, the level and buttons, but not the text, and the event is sealed', async () => {
    const sent = await world.bob.say(world.general, 'honestly i want to kill myself');
    const alert = await world.emu.waitForMessage({ channelId: world.logs.id });
    assert.match(alert.text, /Someone may need support/);
    assert.match(alert.text, /Level\nHigh/);
    assert.ok(alert.text.includes(`https://discord.com/channels/${world.guild.id}/${world.general.id}/${sent.id}`));
    assert.doesNotMatch(alert.text, /kill myself/);
    assert.deepEqual(
      alert.customIds.sort(),
      [`coping.alert.ack:`, `coping.alert.false:`].map((p) => expect(p, alert)).sort(),
    );
    assert.deepEqual(alert.raw.mentions, [], 'the alert pings nobody');
    const [event] = await eventually(async () => {
      const rows = await events(world.guild.id);
      assert.ok(rows[0]?.alert_message_id);
      return rows;
    });
    assert.match(event!.details, /^enc:v1:/);
    assert.doesNotMatch(event!.details, /high|kill/);
    assert.equal(world.emu.dms(world.bob).length, 1, 'the member also gets the check-in');
    await eventually(() => assert.match(alerts()[0]!.text, /They got a private check-in with support lines/));
    await bot().mellow.services.systemLog.flush();
    const logs = await sql<{ title: string; metadata: unknown }>(
      `select "title", "metadata" from "system_log" where "guild_id" = ? and "type" = 'crisis'`,
      [world.guild.id],
    );
    assert.ok(logs.some((log) => /Possible crisis signs \(high\)/.test(log.title)));
    assert.doesNotMatch(JSON.stringify(logs), /kill myself/);
  });

  it('GIVEN the alert buttons THEN a plain member is refused, a moderator’s click is recorded and closes the buttons', async () => {
    await world.bob.say(world.general, 'i want to die');
    const alert = await world.emu.waitForMessage({ channelId: world.logs.id });
    const [ack] = alert.customIds;
    const refused = await world.bob.click(alert, ack!);
    assert.ok(refused.ephemeral);
    assert.match(refused.text, /Only moderators/);
    const handled = await world.carol.click(alert, ack!);
    assert.equal(handled.kind, 'update');
    assert.match(handled.text, new RegExp(`Handled\\n<@${world.carol.id}> is on it <t:\\d+:R>`));
    assert.ok(
      handled.message!.components.flatMap((row) => row.components as { disabled?: boolean }[]).every((b) => b.disabled),
    );
    const [event] = await events(world.guild.id);
    assert.equal(event!.handled_by, world.carol.id);
    assert.equal(event!.outcome, 'ack');
  });

  it('GIVEN False alarm THEN it is recorded as such', async () => {
    await world.carol.say(world.general, 'i wish i was dead');
    const alert = await world.emu.waitForMessage({ channelId: world.logs.id });
    const handled = await world.alice.click(alert, alert.customIds[1]!);
    assert.match(handled.text, /marked this a false alarm/);
    assert.equal((await events(world.guild.id))[0]!.outcome, 'false_alarm');
  });

  it('GIVEN a second worrying message within 6 hours THEN no second DM; after the cooldown a DM again', async () => {
    await world.bob.say(world.general, 'i want to disappear forever');
    await eventually(() => assert.equal(world.emu.dms(world.bob).length, 1));
    await world.bob.say(world.general, 'there is no way out');
    await eventually(async () => {
      const rows = await events(world.guild.id);
      assert.deepEqual(
        rows.map((row) => row.dm_status),
        ['sent', 'cooldown'],
      );
    });
    assert.equal(world.emu.dms(world.bob).length, 1);
    // The cooldown lives in Postgres, so it survives restarts and holds for every process.
    await sql(`update "coping_dm_cooldown" set "last_sent_at" = now() - interval '7 hours' where "user_id" = ?`, [
      world.bob.id,
    ]);
    await world.bob.say(world.general, "i'm tired of living");
    await eventually(() => assert.equal(world.emu.dms(world.bob).length, 2));
  });

  it('GIVEN a message edited into a worrying one THEN it is checked, and further edits never alert twice', async () => {
    const sent = await world.bob.say(world.general, 'hello there');
    const edit = (content: string) => editTo(sent, content);
    edit('i want to end my life');
    await world.emu.waitForMessage({ channelId: world.logs.id });
    edit('i want to end my life, i really want to die');
    assert.equal((await othersAfterBarrier()).length, 1);
    assert.equal(alerts().length, 1);
  });

  it('GIVEN a medium message edited into a critical one THEN one alert at the new level, and never a second', async () => {
    const sent = await world.bob.say(world.general, "i can't go on like this");
    const edit = (content: string) => editTo(sent, content);
    await eventually(async () => assert.equal((await events(world.guild.id))[0]?.dm_status, 'sent'));
    assert.deepEqual(alerts(), []);
    edit('i am going to kill myself tonight');
    const alert = await world.emu.waitForMessage({ channelId: world.logs.id });
    assert.match(alert.text, /Level\nCritical/);
    assert.ok(alert.text.includes(sent.id));
    edit('i am going to kill myself tonight, goodbye everyone');
    const [event, ...others] = await othersAfterBarrier();
    assert.deepEqual(others, []);
    assert.equal(event!.alert_message_id, alert.id);
    assert.equal(alerts().length, 1, 'one alert for one message');
    assert.equal(world.emu.dms(world.bob).length, 1, 'the check-in went out once, for the first version');
  });

  it('GIVEN closed DMs THEN the alert still goes out and the event says the DM could not be sent', async () => {
    world.emu.closeDms(world.carol);
    await world.carol.say(world.general, 'everyone would be better off without me');
    await world.emu.waitForMessage({ channelId: world.logs.id });
    await eventually(async () => assert.equal((await events(world.guild.id))[0]?.dm_status, 'closed'));
    await eventually(() =>
      assert.match(alerts()[0]!.text, /could not be reached by DM \(DMs closed\): consider reaching out/),
    );
    assert.doesNotMatch(alerts()[0]!.text, /got a private check-in/);
  });

  it('GIVEN the check-in is held up THEN the alert goes out without waiting, and then says how the check-in went', async () => {
    // An open transaction holds bob's cooldown row, so the check-in cannot even claim its slot yet.
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const lock = bot()
      .mellow.services.orm.em.fork()
      .transactional(async (tx) => {
        await tx.execute(
          `insert into "coping_dm_cooldown" ("user_id", "last_sent_at") values (?, now() - interval '7 hours')`,
          [world.bob.id],
        );
        holding();
        await new Promise<void>((resolve) => (release = resolve));
      });
    await held;
    try {
      await world.bob.say(world.general, 'i want to kill myself');
      const alert = await world.emu.waitForMessage({ channelId: world.logs.id });
      assert.match(alert.text, /Level\nHigh/);
      assert.equal(world.emu.dms(world.bob).length, 0, 'the check-in is still waiting');
    } finally {
      release();
      await lock;
    }
    await eventually(() => assert.equal(world.emu.dms(world.bob).length, 1));
    await eventually(() => assert.match(alerts()[0]!.text, /They got a private check-in/));
  });

  it('GIVEN a member worried about a friend THEN they get ways to help by DM, with no event and no alert', async () => {
    await world.bob.say(world.general, 'my friend wants to kill herself, what do i do');
    const [dm] = await eventually(() => {
      const dms = world.emu.dms(world.bob);
      assert.equal(dms.length, 1);
      return dms;
    });
    assert.match(dm!.text, /Helping someone you care about.*worried about someone.*Samaritans.*Nobody else was told/s);
    assert.deepEqual(await othersAfterBarrier(), []);
    assert.deepEqual(alerts(), []);
  });

  it('GIVEN an alert button whose custom id names another guild’s event THEN it is refused and nothing changes', async () => {
    await world.bob.say(world.general, 'i want to die');
    const alert = await world.emu.waitForMessage({ channelId: world.logs.id });
    const eventId = alert.customIds[0]!.split(':')[1];
    const other = copingWorld();
    const channel = await container.client.channels.fetch(other.logs.id);
    assert.ok(channel?.isSendable());
    const forgedId = `coping.alert.ack:${eventId}`;
    const forged = await channel.send({
      content: 'not an alert',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId(forgedId).setLabel('x').setStyle(ButtonStyle.Primary),
        ),
      ],
      ...noMentions,
    });
    const refused = await other.alice.click(forged.id, forgedId);
    assert.match(refused.text, /This alert is gone/);
    const [event] = await events(world.guild.id);
    assert.equal(event!.handled_by, null);
    assert.equal(event!.outcome, null);
    assert.doesNotMatch(world.emu.messages(world.logs).find((m) => m.id === alert.id)!.text, /Handled/);
  });

  it('GIVEN everyday talk or hyperbole THEN nothing happens', async () => {
    for (const text of [
      'this homework is killing me',
      "i'd die for a coffee",
      'gonna kms to respawn lol',
      'good morning',
    ]) {
      await world.bob.say(world.general, text);
    }
    assert.deepEqual(await othersAfterBarrier(), []);
    assert.equal(world.emu.dms(world.bob).length, 0);
  });

  it('GIVEN a member who opted out THEN their messages are not checked; opting in turns it back on', async () => {
    const out = await world.bob.slash(world.general, 'coping optout');
    assert.ok(out.ephemeral);
    assert.match(out.text, /opted out/);
    await world.bob.say(world.general, 'i want to die');
    assert.deepEqual(await othersAfterBarrier(), []);
    assert.equal(world.emu.dms(world.bob).length, 0);
    const sent = await world.bob.say(world.general, '!coping optin');
    assert.match(
      (await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id })).text,
      /opted back in/,
    );
    await world.bob.say(world.general, 'i want to die');
    await eventually(() => assert.equal(world.emu.dms(world.bob).length, 1));
  });

  it('GIVEN detection off THEN nothing is checked; the message path turns it back on', async () => {
    const off = await world.carol.say(world.general, '!coping settings detection off');
    assert.match(
      (await world.emu.waitForMessage({ channelId: world.general.id, after: off.id })).text,
      /Detection:\*\* off/,
    );
    await world.bob.say(world.general, 'i want to kill myself');
    const on = await world.carol.say(world.general, '!coping settings detection on');
    assert.match(
      (await world.emu.waitForMessage({ channelId: world.general.id, after: on.id })).text,
      /Detection:\*\* on/,
    );
    assert.deepEqual(await othersAfterBarrier(), []);
    assert.equal(world.emu.dms(world.bob).length, 0);
  });

  it('GIVEN the plugin disabled in the guild THEN no detection and no DMs', async () => {
    await world.alice.slash(world.general, 'plugins disable', { plugin: 'coping' });
    try {
      await world.bob.say(world.general, 'i want to kill myself tonight');
    } finally {
      await world.alice.slash(world.general, 'plugins enable', { plugin: 'coping' });
    }
    assert.deepEqual(await othersAfterBarrier(), []);
    assert.equal(world.emu.dms(world.bob).length, 0);
    assert.deepEqual(alerts(), []);
  });

  it('GIVEN describeGuild THEN diagnostics see the settings and the alert channel with its permissions', async () => {
    const plugin = bot().mellow.services.plugins.getActive('coping')!;
    const description = await plugin.manifest.hooks!.describeGuild!(world.guild.id, plugin.context);
    assert.equal(description.settings!['crisis detection'], true);
    assert.equal(description.channels![0]!.channelId, world.logs.id);
    assert.equal(description.channels![0]!.permissions.length, 3);
  });
});

/** The alert's custom id with its event id, which the test only learns from the message. */
function expect(prefix: string, alert: { customIds: string[] }): string {
  return alert.customIds.find((id) => id.startsWith(prefix)) ?? `${prefix}<missing>`;
}
