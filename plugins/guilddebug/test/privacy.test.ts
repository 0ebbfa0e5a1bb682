import assert from 'node:assert/strict';
import { TicketOutbox } from '../entities/TicketOutbox';
import { em, eventually, removeTickets, requestSupport, ticket, ticketNumber } from './helpers';
import { guilddebugWorld } from './world';

interface TicketExport {
  tickets: { id: number; summary: string }[];
  waitingMessages: { ticketId: number; direction: string; content: string }[];
}

describe('guilddebug and /privacy', () => {
  let world: ReturnType<typeof guilddebugWorld>;
  beforeEach(() => (world = guilddebugWorld()));
  afterEach(() => removeTickets(world.guild.id));

  const exportOf = async (user: typeof world.bob) => {
    const reply = await user.slash(world.general, 'privacy export');
    const data = JSON.parse(reply.attachments[0].text) as { plugins: { guilddebug: TicketExport } };
    return data.plugins.guilddebug;
  };

  it('GIVEN a staff answer waiting for the requester THEN their export holds it, and delete erases it', async () => {
    const { emu, bob, general, staff } = world;
    const { submitted } = await requestSupport(bob, general, { summary: 'Exports please' });
    const id = ticketNumber(submitted!.text);
    emu.closeDms(bob);
    await staff.say((await ticket(id)).supportThreadId!, 'Your answer is waiting here');
    await eventually(async () => assert.equal(await em().count(TicketOutbox, { ticketId: id }), 1));

    const exported = await exportOf(bob);
    assert.deepEqual(
      exported.tickets.map((t) => [t.id, t.summary]),
      [[id, 'Exports please']],
    );
    assert.deepEqual(
      exported.waitingMessages.map(({ ticketId, direction, content }) => ({ ticketId, direction, content })),
      [{ ticketId: id, direction: 'to-requester', content: 'Your answer is waiting here' }],
    );

    const prompt = await bob.slash(general, 'privacy delete');
    await bob.click(prompt.message!, `core.privacy.delete:${bob.id}`);
    assert.deepEqual(await exportOf(bob), { tickets: [], waitingMessages: [] });
  });
});
