import type { GuilddebugActor } from '../access';
import { guilddebug } from '../config';
import { listTickets } from './TicketService';

/** Autocomplete for `reply ticket:`: the open tickets the actor may answer in this server. */
export async function ticketChoices(actor: GuilddebugActor, typed: string | number) {
  const tickets = await listTickets(guilddebug().em(), actor.guildId, actor.role === 'member' ? actor.userId : null);
  return tickets
    .filter((t) => t.status !== 'resolved' && String(t.id).startsWith(String(typed).trim()))
    .slice(0, 25)
    .map((t) => ({ name: `#${t.id} ${t.summary}`.slice(0, 100), value: t.id }));
}
