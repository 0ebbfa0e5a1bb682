import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { createWorld } from '../../../test/setup/world';
import { Reminder } from '../entities/Reminder';
import { ReminderUser } from '../entities/ReminderUser';
import { cleanUp, em } from './helpers';

describe('reminders: user data', () => {
  let w: ReturnType<typeof createWorld>;
  before(() => (w = createWorld()));
  afterEach(() => cleanUp(w.alice.id, w.bob.id));

  const plugin = () => container.mellow.plugins.getActive('reminders')!;

  it('GIVEN reminders and a zone THEN export has them all and delete removes them, leaving others alone', async () => {
    const { alice, bob, general } = w;
    await alice.slash(general, 'timezone set', { zone: 'Europe/Berlin' });
    await alice.slash(general, 'remind me', { when: 'every monday 10:00', what: 'secret plan' });
    await bob.slash(general, 'remind me', { when: 'in 1 hour', what: "bob's" });
    const exported = JSON.stringify(await plugin().manifest.hooks!.exportUserData!(alice.id, plugin().context));
    assert.match(exported, /secret plan/);
    assert.match(exported, /Europe\/Berlin/);
    assert.doesNotMatch(exported, /bob's/);
    const data = JSON.parse(exported) as { reminders: Record<string, unknown>[]; settings: Record<string, unknown> };
    assert.equal(data.reminders[0].originChannelId, general.id, 'where it was set, even for a DM reminder');
    assert.ok('snoozeOf' in data.reminders[0]);
    assert.ok('dmChannelId' in data.settings && 'checkinGuildId' in data.settings);
    const removed = await plugin().manifest.hooks!.deleteUserData!(alice.id, plugin().context);
    assert.equal(removed, 2);
    assert.equal(await em().count(Reminder, { userId: alice.id }), 0);
    assert.equal(await em().count(ReminderUser, { userId: alice.id }), 0);
    assert.equal(await em().count(Reminder, { userId: bob.id }), 1);
  });

  it('GIVEN a server with channel reminders THEN describeGuild shows its zone and channels, not the text', async () => {
    const { carol, general, logs, guild } = w;
    await carol.slash(general, 'timezone server', { zone: 'America/New_York' });
    await carol.slash(general, 'remind channel', { channel: logs, when: 'in 1 hour', what: 'private words' });
    const described = await plugin().manifest.hooks!.describeGuild!(guild.id, plugin().context);
    assert.equal(described.settings?.['default time zone'], 'America/New_York');
    assert.equal(described.channels?.[0]?.channelId, logs.id);
    assert.doesNotMatch(JSON.stringify(described), /private words/);
    await cleanUp(carol.id);
  });
});
