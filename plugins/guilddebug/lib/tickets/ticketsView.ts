import { discordTime, type ReplyContent } from 'mellow';
import type { GuilddebugActor } from '../access';
import { guilddebug } from '../config';
import { SEVERITY_LABEL, STATUS_LABEL } from './format';
import { deliverWaitingAnswers } from './relay';
import { listTickets, waitingCounts } from './TicketService';

/**
 * A guild's recent tickets. Members see their own; admins and staff see all. Staff answers that
 * waited for the viewer are sent to them by DM on the way. Summaries only, never message text.
 */
export async function ticketsView(actor: GuilddebugActor, guildId: string): Promise<ReplyContent> {
  const em = guilddebug().em();
  const seesAll = actor.role !== 'member';
  const tickets = await listTickets(em, guildId, seesAll ? null : actor.userId);
  if (tickets.length === 0) {
    return {
      outcome: 'info',
      title: 'No support tickets',
      description: seesAll
        ? 'This server has not asked for support yet. Use `/guilddebug request-support` when something is wrong.'
        : 'You have not asked for support here. Use `/guilddebug request-support` when something is wrong.',
    };
  }
  const delivered = await deliverWaitingAnswers(
    actor.userId,
    tickets.filter((t) => t.requesterId === actor.userId),
  );
  const waiting = await waitingCounts(
    em,
    tickets.map((t) => t.id),
  );
  const lines = tickets.map((t) => {
    const answers = waiting.get(t.id);
    const note = answers ? ` · 📪 ${answers} answer${answers === 1 ? '' : 's'} waiting for <@${t.requesterId}>` : '';
    return `**#${t.id}** ${STATUS_LABEL[t.status]} · ${SEVERITY_LABEL[t.severity]} · ${discordTime(t.createdAt, 'R')} · <@${t.requesterId}>\n  ${t.summary}${note}`;
  });
  const footer = [
    delivered > 0 ? `📨 I sent you ${delivered} answer${delivered === 1 ? '' : 's'} from Mellow support by DM.` : null,
    [...waiting.values()].some(Boolean)
      ? 'Answers wait when the requester’s DMs are closed and the server has no log channel: the requester gets them by running this command with DMs open.'
      : null,
  ].filter(Boolean);
  return {
    outcome: 'info',
    title: seesAll ? 'Support tickets of this server' : 'Your support tickets',
    description: [...lines, ...(footer.length > 0 ? ['', ...footer] : [])].join('\n'),
  };
}
