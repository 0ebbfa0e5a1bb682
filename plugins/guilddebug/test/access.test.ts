import assert from 'node:assert/strict';
import { createWorld } from '../../../test/setup/world';
import { removeTickets } from './helpers';
import { guilddebugWorld } from './world';

type Who = 'user' | 'admin' | 'staff' | 'owner';
type Where = 'own' | 'other';
type Expect = 'allowed' | 'refused';

/**
 * The matrix, written out by hand rather than read from the code: user (a plain member),
 * admin (Manage Server), staff (STAFF_IDS) and owner (the application owner), on the guild the
 * command runs in and on another guild (through `guild-id`). Subcommands without `guild-id` act
 * only where they run, so they have no "other" column.
 */
const MATRIX: Record<string, Partial<Record<Where, Record<Who, Expect>>>> = {
  diagnostics: {
    own: { user: 'refused', admin: 'allowed', staff: 'allowed', owner: 'allowed' },
    other: { user: 'refused', admin: 'refused', staff: 'allowed', owner: 'allowed' },
  },
  settings: {
    own: { user: 'refused', admin: 'allowed', staff: 'allowed', owner: 'allowed' },
    other: { user: 'refused', admin: 'refused', staff: 'allowed', owner: 'allowed' },
  },
  logs: {
    own: { user: 'refused', admin: 'allowed', staff: 'allowed', owner: 'allowed' },
    other: { user: 'refused', admin: 'refused', staff: 'allowed', owner: 'allowed' },
  },
  tickets: {
    own: { user: 'allowed', admin: 'allowed', staff: 'allowed', owner: 'allowed' },
    other: { user: 'refused', admin: 'refused', staff: 'allowed', owner: 'allowed' },
  },
  'join-guild': {
    own: { user: 'refused', admin: 'refused', staff: 'allowed', owner: 'allowed' },
    other: { user: 'refused', admin: 'refused', staff: 'allowed', owner: 'allowed' },
  },
  database: { own: { user: 'refused', admin: 'refused', staff: 'allowed', owner: 'allowed' } },
  'request-support': { own: { user: 'allowed', admin: 'allowed', staff: 'allowed', owner: 'allowed' } },
  reply: { own: { user: 'allowed', admin: 'allowed', staff: 'allowed', owner: 'allowed' } },
};

const ACCESS_REFUSAL = /Not available to you|Only this server/;

/**
 * What each subcommand's real answer says when access is granted, so a crash apology (which is not a
 * refusal either) can't pass. join-guild and reply get past the access check to their own answers:
 * no ticket granted consent, and ticket 999999 does not exist.
 */
const ALLOWED_ANSWER: Record<string, RegExp> = {
  diagnostics: /Diagnostics for /,
  settings: /Settings of /,
  logs: /System log/,
  tickets: /No support tickets|Support tickets of this server|Your support tickets/,
  'join-guild': /No consent from that server/,
  database: /Rows per plugin/,
  reply: /No ticket #999999 of yours here/,
};

describe('guilddebug permission matrix', () => {
  let world: ReturnType<typeof guilddebugWorld>;
  let other: ReturnType<typeof createWorld>;
  before(() => {
    world = guilddebugWorld();
    other = createWorld();
    world.guild.addMember(world.emu.ownerUser);
  });
  after(() => removeTickets(world.guild.id));

  const actor = (who: Who) =>
    ({ user: world.bob, admin: world.carol, staff: world.staff, owner: world.emu.ownerUser })[who];

  const options = (subcommand: string, where: Where): Record<string, string | number> => {
    const guildId = where === 'own' ? world.guild.id : other.guild.id;
    if (subcommand === 'join-guild') return { 'guild-id': guildId };
    if (subcommand === 'reply') return { ticket: 999_999, message: 'hello' };
    return where === 'other' ? { 'guild-id': guildId } : {};
  };

  for (const [subcommand, columns] of Object.entries(MATRIX)) {
    for (const [where, row] of Object.entries(columns) as [Where, Record<Who, Expect>][]) {
      for (const [who, expected] of Object.entries(row) as [Who, Expect][]) {
        it(`GIVEN ${who} runs ${subcommand} on the ${where} guild THEN it is ${expected}`, async () => {
          const reply = await actor(who).slash(world.general, `guilddebug ${subcommand}`, options(subcommand, where));
          if (expected === 'refused') {
            assert.ok(reply.ephemeral, 'refusals are private');
            assert.match(reply.text, ACCESS_REFUSAL);
            assert.match(reply.text, /request-support/, 'the refusal points to request-support');
          } else if (subcommand === 'request-support') {
            assert.equal(reply.kind, 'modal');
          } else {
            assert.doesNotMatch(reply.text, ACCESS_REFUSAL);
            assert.doesNotMatch(reply.text, /reference/, 'not a crash apology');
            assert.match(reply.text, ALLOWED_ANSWER[subcommand]);
          }
        });
      }
    }
  }

  it('GIVEN an admin THEN the request form asks for consent; GIVEN a member THEN it does not', async () => {
    const admin = await world.carol.slash(world.general, 'guilddebug request-support');
    assert.match(admin.text, /Let staff join this server temporarily/);
    const member = await world.bob.slash(world.general, 'guilddebug request-support');
    assert.doesNotMatch(member.text, /Let staff join/);
  });

  it('GIVEN a member uses the message command THEN they get the same refusal in the channel', async () => {
    const sent = await world.bob.say(world.general, '!guilddebug diagnostics');
    const reply = await world.emu.waitForMessage({ channelId: world.general.id, after: sent.id });
    assert.match(reply.text, /Not available to you.*request-support/s);
  });
});
