import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { PermissionFlagsBits as P } from 'discord.js';
import { SystemLog } from 'mellow';
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from '../../../src/testkit/emulator/permissions';
import { em } from './helpers';
import { guilddebugWorld } from './world';

describe('guilddebug diagnostics, settings and database', () => {
  let world: ReturnType<typeof guilddebugWorld>;
  beforeEach(() => (world = guilddebugWorld()));

  it('GIVEN the bot lacks permissions THEN diagnostics name each one with a fix', async () => {
    const { alice, carol, general, logs, guild } = world;
    await alice.slash(general, 'settings log-channel', { channel: logs.id });
    guild.setChannelOverwrite(logs, { id: guild.botRole, deny: P.SendMessages });
    guild.setRolePermissions(guild.everyoneRole, DEFAULT_EVERYONE_PERMISSIONS & ~P.EmbedLinks);
    guild.setBotPermissions(DEFAULT_BOT_PERMISSIONS & ~P.EmbedLinks);

    const reply = await carol.slash(general, 'guilddebug diagnostics');
    assert.ok(reply.ephemeral);
    assert.match(
      reply.text,
      new RegExp(`In the core log channel \\(<#${logs.id}>\\) Mellow lacks Send Messages, Embed Links\\.`),
    );
    assert.match(reply.text, /allow Send Messages, Embed Links for Mellow’s role/);
    assert.match(
      reply.text,
      /The guilddebug plugin needs Embed Links, which Mellow lacks on this server\.\n\s+↳ Server Settings → Roles → Mellow: allow Embed Links/,
    );
    assert.match(reply.text, /Health:\*\* database \d+ ms · scheduler \d+ ms · gateway ping .* · shard 0/);
  });

  it('GIVEN a deleted log channel and load failures THEN both are problems, and recent errors are listed', async () => {
    const { carol, general, guild } = world;
    await container.mellow.settings.update(guild.id, { logChannelId: '510000000000009999' });
    container.mellow.systemLog.record({
      type: 'error',
      severity: 'error',
      title: 'Command remind failed',
      guildId: guild.id,
      metadata: { reference: 'abc12345' },
    });
    await container.mellow.systemLog.flush();

    const reply = await carol.slash(general, 'guilddebug diagnostics');
    assert.match(reply.text, /no longer exists\.\n\s+↳ Pick another channel with `\/settings log-channel`/);
    assert.match(reply.text, /The broken-import plugin failed to load/);
    assert.match(reply.text, /Command remind failed \(ref `abc12345`\)/);
    await em().nativeDelete(SystemLog, { guildId: guild.id });
  });

  it('GIVEN staff and another server THEN unknown ids, servers without the bot and bad input each get their own answer', async () => {
    const { emu, staff, support, guild } = world;
    const ok = await staff.slash(support.channel, 'guilddebug diagnostics', { 'guild-id': guild.id });
    assert.match(ok.text, new RegExp(`Diagnostics for ${guild.name}`));
    const unknown = await staff.slash(support.channel, 'guilddebug diagnostics', { 'guild-id': '510000000000000999' });
    assert.match(unknown.text, /Unknown server/);
    const bad = await staff.slash(support.channel, 'guilddebug settings', { 'guild-id': 'my server' });
    assert.match(bad.text, /That is not a server id.*Copy Server ID/s);
    const left = emu.guilds.create({ name: 'Left behind' });
    emu.guilds.removeBot(left);
    const notIn = await staff.slash(support.channel, 'guilddebug diagnostics', { 'guild-id': left.id });
    assert.match(notIn.text, /Mellow is not in that server/);
  });

  it('GIVEN settings THEN core and every plugin’s settings and channels show, from describeGuild where a plugin has it', async () => {
    const { alice, carol, general, logs } = world;
    await alice.slash(general, 'settings prefix', { value: '?' });
    await alice.slash(general, 'settings log-channel', { channel: logs.id });
    const reply = await carol.slash(general, 'guilddebug settings');
    assert.match(reply.text, /prefix: `\?`/);
    assert.match(reply.text, new RegExp(`log channel: <#${logs.id}>`));
    assert.match(
      reply.text,
      /\*\*guilddebug\*\* \(on\)\n• support server configured: `true`\n• requests per user: `1 per 60 min`\n• requests per server per day: `3`/,
    );
    assert.match(reply.text, /\*\*gated\*\* \(on\)/, 'a plugin without describeGuild is still listed');
    assert.match(reply.text, /\*\*bad-core\*\* \(failed to load\)/);
  });

  it('GIVEN the message command THEN the report goes by DM and the channel only hears where', async () => {
    const { emu, carol, general } = world;
    const sent = await carol.say(general, '!guilddebug diagnostics');
    const reply = await emu.waitForMessage({ channelId: general.id, after: sent.id });
    assert.match(reply.text, /Sent by DM/);
    assert.match(emu.dms(carol).at(-1)?.text ?? '', /Diagnostics for/);
  });

  it('GIVEN staff THEN database shows rows per plugin, pool, size and migrations', async () => {
    const { staff, support } = world;
    const reply = await staff.slash(support.channel, 'guilddebug database');
    assert.match(reply.text, /Latency:\*\* \d+ ms/);
    assert.match(reply.text, /Pool:\*\* \d+ in use, \d+ idle, \d+ waiting, max \d+/);
    assert.match(reply.text, /Size:\*\* \d+ [kMG]B/);
    assert.match(reply.text, /\*\*guilddebug\*\*: guilddebug_support_ticket \d+, guilddebug_ticket_outbox \d+/);
    assert.match(reply.text, /\*\*core\*\*: .*system_log \d+/);
    assert.match(reply.text, /\*\*guilddebug\*\*: 2 applied/);
    assert.match(reply.text, /\*\*failing-migration\*\*: not loaded/);
  });
});
