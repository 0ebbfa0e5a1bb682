import assert from 'node:assert/strict';
import { content } from '../lib/content';
import { copingWorld } from './helpers';

describe('/resources', () => {
  let world: ReturnType<typeof copingWorld>;
  before(() => (world = copingWorld()));

  it('GIVEN the data file THEN every required country is there and every entry has a source and a verified date', () => {
    const { countries, international } = content.crisisLines;
    for (const code of ['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'DE', 'FR', 'ES', 'IN', 'BR'])
      assert.ok(countries[code], code);
    for (const line of [...Object.values(countries).flatMap((c) => c.lines), ...international.lines]) {
      assert.match(line.source, /^https?:\/\//, line.name);
      assert.match(line.lastVerified, /^\d{4}-\d{2}-\d{2}$/, line.name);
    }
  });

  it('GIVEN country:GB THEN UK lines and the emergency number come privately', async () => {
    const reply = await world.bob.slash(world.general, 'resources', { country: 'GB' });
    assert.ok(reply.ephemeral);
    assert.match(reply.text, /Support in United Kingdom/);
    assert.match(reply.text, /Samaritans\n.*116 123/);
    assert.match(reply.text, /immediate danger, call \*\*999 or 112\*\*/);
    assert.match(reply.text, /Last verified 2026-11-22/);
  });

  it('GIVEN a country we have no list for, or a made-up one THEN international directories answer, never just an error', async () => {
    const japan = await world.bob.slash(world.general, 'resources', { country: 'JP' });
    assert.match(japan.text, /don't have a list for JP.*findahelpline\.com/s);
    assert.match(japan.text, /If you are in immediate danger, call your local emergency number/);
    const odd = await world.bob.slash(world.general, 'resources', { country: 'Narnia' });
    assert.match(odd.text, /don't recognise “Narnia”.*Find A Helpline/s);
  });

  it('GIVEN the server set a country THEN /resources without one uses it; !resources AU picks another', async () => {
    await world.alice.slash(world.general, 'coping settings', { country: 'IE' });
    const reply = await world.bob.slash(world.general, 'resources');
    assert.match(reply.text, /Support in Ireland.*Pieta/s);
    const sent = await world.bob.say(world.general, '!resources australia');
    const message = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(message.text, /Lifeline Australia.*13 11 14/s);
    assert.match(message.text, /call \*\*000\*\*/);
  });

  it('GIVEN the country autocomplete THEN it offers matching countries', async () => {
    const choices = await world.bob.autocomplete(world.general, 'resources', 'country', 'zea');
    assert.deepEqual(choices, [{ name: 'New Zealand (NZ)', value: 'NZ' }]);
  });
});
