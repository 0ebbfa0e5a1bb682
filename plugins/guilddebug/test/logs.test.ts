import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { SystemLog } from 'mellow';
import { em, eventually, removeTickets, requestSupport, ticketNumber, ticket } from './helpers';
import { guilddebugWorld } from './world';

const TOKEN_SHAPED = `${'M'.repeat(26)}.GAbcde.${'x'.repeat(38)}`;

describe('guilddebug logs and redaction', () => {
  let world: ReturnType<typeof guilddebugWorld>;
  beforeEach(() => (world = guilddebugWorld()));
  afterEach(async () => {
    await em().nativeDelete(SystemLog, { guildId: world.guild.id });
    await removeTickets(world.guild.id);
  });

  const insertLog = (rows: { type: string; title: string; severity?: string; description?: string }[]) =>
    em().insertMany(
      SystemLog,
      rows.map((row) => ({ guildId: world.guild.id, severity: 'info', ...row })) as SystemLog[],
    );

  it('GIVEN more entries than a page THEN buttons page through them, newest first', async () => {
    const { carol, general } = world;
    await insertLog(Array.from({ length: 7 }, (_, i) => ({ type: 'settings', title: `entry ${i + 1}` })));
    const first = await carol.slash(general, 'guilddebug logs', { type: 'settings', limit: 3 });
    const titles = (text: string) => [...text.matchAll(/entry (\d)/g)].map((m) => Number(m[1]));
    assert.deepEqual(titles(first.text), [7, 6, 5]);
    const [older, newer] = first.message!.customIds;
    assert.equal(first.message!.components[0].components instanceof Array, true);
    const second = await carol.click(first.message, older);
    assert.equal(second.kind, 'update');
    assert.deepEqual(titles(second.text), [4, 3, 2]);
    const third = await carol.click(second.message, second.message!.customIds[0]);
    assert.deepEqual(titles(third.text), [1]);
    const back = await carol.click(third.message, third.message!.customIds[1]);
    assert.deepEqual(titles(back.text), [4, 3, 2]);
    assert.ok(newer.startsWith('guilddebug.logs:'));
  });

  it('GIVEN filters THEN type, severity and since narrow the list, and bad times get examples', async () => {
    const { carol, general } = world;
    await insertLog([
      { type: 'error', title: 'an error', severity: 'error' },
      { type: 'plugin', title: 'a warning', severity: 'warning' },
      { type: 'plugin', title: 'just info' },
    ]);
    const warnings = await carol.slash(general, 'guilddebug logs', { severity: 'warning' });
    assert.match(warnings.text, /an error/);
    assert.match(warnings.text, /a warning/);
    assert.doesNotMatch(warnings.text, /just info/);
    const plugin = await carol.slash(general, 'guilddebug logs', { type: 'plugin', since: '1h' });
    assert.doesNotMatch(plugin.text, /an error/);
    assert.match(plugin.text, /just info/);
    const future = await carol.slash(general, 'guilddebug logs', { since: 'next week' });
    assert.match(future.text, /in the future. Try `24h`/);
    const nonsense = await carol.slash(general, 'guilddebug logs', { since: 'banana' });
    assert.match(nonsense.text, /could not read "banana"/);
  });

  it('GIVEN crisis entries THEN admins and staff see their title, never the message text', async () => {
    const { carol, staff, support, general, guild } = world;
    await insertLog([
      {
        type: 'crisis',
        severity: 'critical',
        title: 'Crisis keywords detected',
        description: 'user wrote: I want to disappear',
      },
    ]);
    for (const [who, where, options] of [
      [carol, general, {}],
      [staff, support.channel, { 'guild-id': guild.id }],
    ] as const) {
      const reply = await who.slash(where, 'guilddebug logs', { type: 'crisis', ...options });
      assert.match(reply.text, /Crisis keywords detected/);
      assert.doesNotMatch(reply.text, /disappear/);
    }
  });

  it('GIVEN secrets and message text in the data THEN no output shows them', async () => {
    const { emu, carol, general, staff, guild } = world;
    const botToken = emu.token;
    // Written straight to the table, as an older version or another tool might have.
    await insertLog([
      {
        type: 'error',
        severity: 'error',
        title: `login failed with ${botToken}`,
        description: `token ${TOKEN_SHAPED}`,
      },
    ]);
    const { submitted } = await requestSupport(carol, general, {
      summary: `my token is ${TOKEN_SHAPED}`,
      details: `It says Bot ${botToken} is invalid`,
    });
    const id = ticketNumber(submitted!.text);
    const threadId = (await ticket(id)).supportThreadId!;
    await staff.say(threadId, 'Secret staff words about the fix');
    await eventually(() => assert.match(emu.dms(carol).at(-1)?.text ?? '', /Secret staff words/));
    await container.mellow.systemLog.flush();

    const outputs = [
      (await carol.slash(general, 'guilddebug diagnostics')).text,
      (await carol.slash(general, 'guilddebug settings')).text,
      (await carol.slash(general, 'guilddebug logs')).text,
      (await carol.slash(general, 'guilddebug tickets')).text,
      ...emu.messages(threadId).map((m) => m.text + m.attachments.map((a) => a.text).join('')),
      ...emu.messages(world.support.channel).map((m) => m.text),
    ];
    const snapshot = emu.messages(threadId)[0].attachments[0];
    assert.ok(snapshot && JSON.parse(snapshot.text).guildId === guild.id, 'the snapshot is readable JSON');
    for (const output of outputs) {
      assert.ok(!output.includes(botToken), 'no bot token');
      assert.doesNotMatch(output, /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}/, 'nothing token-shaped');
    }
    for (const output of outputs.slice(0, 4)) assert.doesNotMatch(output, /Secret staff words/, 'no message text');
    assert.match(outputs[2], /login failed with \[redacted\]/);
  });
});
