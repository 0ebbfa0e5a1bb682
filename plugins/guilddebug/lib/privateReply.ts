import type { Message } from 'discord.js';
import { respond, sendPrivately, type ReplyContent } from 'mellow';

/**
 * Message commands answer in a channel others read, so a report goes to the author by DM and the
 * channel only hears where it went. Refusals and errors say nothing private: they are answered in place.
 */
export async function answerMessage(message: Message, content: ReplyContent): Promise<void> {
  if (content.outcome === 'error') return respond(message, content);
  await sendPrivately(message, content, { slash: '/guilddebug' });
}
