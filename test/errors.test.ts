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
});
