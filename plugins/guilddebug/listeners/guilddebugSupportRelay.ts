import { ApplyOptions } from '@sapphire/decorators';
import { Events, Listener } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { noMentions } from 'mellow';
import { SupportTicket } from '../entities/SupportTicket';
import { isStaff } from '../lib/access';
import { guilddebug } from '../lib/config';
import { relayToRequester } from '../lib/tickets/relay';

/** Lines starting with this stay in the thread: notes between staff. */
const INTERNAL_NOTE = '//';

const OUTCOME_NOTE = {
  'log-channel': 'The requester’s DMs are closed: posted in their server’s log channel instead.',
  stored:
    'Could not deliver: the requester’s DMs are closed and their server has no log channel. They get it when they run `/guilddebug tickets`.',
} as const;

/** Staff messages in a ticket's thread go to the requester. */
@ApplyOptions<Listener.Options>({ name: 'guilddebugSupportRelay', event: Events.MessageCreate })
export class GuilddebugSupportRelayListener extends Listener<typeof Events.MessageCreate> {
  public override async run(message: Message) {
    const { config } = guilddebug();
    if (message.author.bot || message.guildId !== config.supportGuildId || !message.channel.isThread()) return;
    if (message.channel.parentId !== config.supportChannelId) return;
    if (!isStaff(message.author.id) || !message.content.trim() || message.content.startsWith(INTERNAL_NOTE)) return;
    const ticket = await guilddebug().em().findOne(SupportTicket, { supportThreadId: message.channelId });
    if (!ticket) return;
    if (ticket.status === 'resolved') {
      await message.reply({
        content: 'This ticket is resolved; that message was not sent to the requester.',
        ...noMentions,
      });
      return;
    }
    const result = await relayToRequester(ticket, message.author.id, message.content);
    if (result === 'dm') await message.react('✅');
    else await message.reply({ content: OUTCOME_NOTE[result], ...noMentions });
  }
}
