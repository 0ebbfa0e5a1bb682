import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { createWorld, eventually } from './setup/world';

const referenceOf = (text: string) => /reference: `([0-9a-f]{8})`/.exec(text)?.[1];

async function loggedReference(reference: string) {
  return eventually(async () => {
    await container.mellow.systemLog.flush();
    const rows = await container.mellow.orm.em
      .getConnection()
      .execute<{ title: string }[]>(
        "select title from system_log where type = 'error' and metadata->>'reference' = ?",
        [reference],
      );
    assert.equal(rows.length, 1);
    return rows[0].title;
  });
}

describe('when a piece fails', () => {
  let world: ReturnType<typeof createWorld>;
  before(() => (world = createWorld()));

  it('GIVEN a command throws THEN the user gets a private apology with a reference the log also has', async () => {
    const reply = await world.bob.slash(world.general, 'gated-echo', { text: 'throw' });
    assert.ok(reply.ephemeral);
    assert.match(reply.content, /^Sorry, something went wrong on our side/);
    assert.doesNotMatch(reply.content, /failed on purpose/, 'internals stay out of the reply');
    const reference = referenceOf(reply.content);
    assert.ok(reference);
    assert.equal(await loggedReference(reference), 'Command gated-echo failed');
  });

  it('GIVEN a button handler throws THEN the user gets a private apology with a reference', async () => {
    const echoed = await world.bob.slash(world.general, 'gated-echo', { text: 'buttons' });
    const reply = await world.bob.click(echoed.message, 'gated.explode');
    assert.ok(reply.ephemeral);
    assert.match(reply.content, /^Sorry, that did not work on our side/);
    const reference = referenceOf(reply.content);
    assert.ok(reference);
    assert.equal(await loggedReference(reference), 'Handler gatedExplode failed');
  });

  it('GIVEN a subcommand throws THEN the user gets the same private apology, logged once with its reference', async () => {
    const reply = await world.bob.slash(world.general, 'gated-sub boom');
    assert.ok(reply.ephemeral);
    assert.match(reply.content, /^Sorry, something went wrong on our side/);
    assert.equal(await loggedReference(referenceOf(reply.content)!), 'Command gated-sub failed');
    await container.mellow.systemLog.flush();
    const outcomes = await container.mellow.orm.em
      .getConnection()
      .execute<{ outcome: string }[]>(
        "select metadata->>'outcome' as outcome from system_log where type = 'command' and guild_id = ? and title like 'gated-sub%'",
        [world.guild.id],
      );
    assert.deepEqual(
      outcomes.map((row) => row.outcome),
      ['error'],
      'counted once, as an error, not also as a success',
    );
  });

  it('GIVEN a message subcommand throws THEN the author gets the apology with a reference', async () => {
    const sent = await world.bob.say(world.general, '!gated-sub boom');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.content, /^Sorry, something went wrong on our side/);
    assert.ok(referenceOf(reply.content));
  });

  it('GIVEN a subcommand precondition refuses THEN the user is told why, on both paths', async () => {
    const denied = await world.bob.slash(world.general, 'gated-sub admin');
    assert.ok(denied.ephemeral);
    assert.match(denied.content, /Manage Server/);
    const allowed = await world.carol.slash(world.general, 'gated-sub admin');
    assert.equal(allowed.content, 'sub ok');
    const sent = await world.bob.say(world.general, '!gated-sub admin');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.content, /Manage Server/);
  });

  it('GIVEN an unknown message subcommand THEN the author hears which ones exist', async () => {
    const sent = await world.bob.say(world.general, '!gated-sub nope');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.content, /no such subcommand.*`ok`, `boom`, `admin`/);
  });
});
