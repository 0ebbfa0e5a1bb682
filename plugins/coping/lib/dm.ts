import { DiscordAPIError, type Message, RESTJSONErrorCodes } from 'discord.js';
import { outcomeEmbed, type ReplyContent, noMentions, respond } from 'mellow';

/**
 * For message commands that show something personal: it goes by DM, and the channel only hears
 * where it went. Closed DMs get a pointer to the private slash command.
 */
export async function dmPrivately(message: Message, content: ReplyContent, slash: string): Promise<void> {
  try {
    await message.author.send({
      ...content.extra,
      embeds: [outcomeEmbed(content.outcome, content.title, content.description), ...(content.extra?.embeds ?? [])],
      ...noMentions,
    });
  } catch (error) {
    if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser))
      throw error;
    return respond(message, {
      outcome: 'warning',
      title: 'I could not DM you',
      description: `Your DMs seem closed. Use \`${slash}\` instead: it answers privately, right here.`,
    });
  }
  return respond(message, {
    outcome: 'success',
    title: 'Sent by DM',
    description: 'It is personal, so I sent it to your DMs.',
  });
}
