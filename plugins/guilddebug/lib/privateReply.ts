import type { BaseMessageOptions, Message } from 'discord.js';
import { noMentions, outcomeEmbed, respond, type ReplyContent } from 'mellow';
import { discordCode } from './discordErrors';

/** A reply's content as a message of its own (a DM, or an update of the message a button is on). */
export const asMessage = (content: ReplyContent): BaseMessageOptions => ({
  ...content.extra,
  embeds: [outcomeEmbed(content.outcome, content.title, content.description), ...(content.extra?.embeds ?? [])],
  ...noMentions,
});

/**
 * Message commands answer in a channel others read, so a report goes to the author by DM and the
 * channel only hears where it went. Refusals and errors are answered in place.
 */
export async function answerMessage(message: Message, content: ReplyContent): Promise<void> {
  if (content.outcome === 'error') return respond(message, content);
  try {
    await message.author.send(asMessage(content));
  } catch (error) {
    if (discordCode(error) !== 50007) throw error;
    return respond(message, {
      outcome: 'warning',
      title: 'I could not DM you',
      description: 'Allow DMs from this server (Privacy Settings), or use the slash command, which answers privately.',
    });
  }
  return respond(message, {
    outcome: 'info',
    title: 'Sent by DM',
    description: 'The answer is private, so it went to your DMs.',
  });
}
