import { randomBytes } from 'node:crypto';
import {
  type BaseMessageOptions,
  DiscordAPIError,
  type ChatInputCommandInteraction,
  type CommandInteraction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
  RESTJSONErrorCodes,
} from 'discord.js';
import { logger } from '../logging/logger';
import { type Outcome, outcomeEmbed } from './embeds';

/** Nobody gets pinged unless a caller lists them. Spread into every message Mellow sends. */
export const noMentions = { allowedMentions: { parse: [], repliedUser: false } } as const;

export interface ReplyContent {
  outcome: Outcome;
  title: string;
  description?: string;
  /** Extra message parts (components, files, more embeds). */
  extra?: Omit<BaseMessageOptions, 'allowedMentions'>;
}

/** A reply's content as a message of its own: a DM, or an edit of the message a button is on. */
export const toMessage = ({ outcome, title, description, extra }: ReplyContent): BaseMessageOptions => ({
  ...extra,
  embeds: [outcomeEmbed(outcome, title, description), ...(extra?.embeds ?? [])],
  ...noMentions,
});

/**
 * Answers a slash command or a message command with the same content. Interaction answers are
 * ephemeral unless `publicly` is set; message answers reply in the channel.
 */
export async function respond(
  target: RepliableInteraction | Message,
  content: ReplyContent,
  { publicly = false }: { publicly?: boolean } = {},
): Promise<void> {
  const message = toMessage(content);
  if ('author' in target) {
    await target.reply(message);
    return;
  }
  const flags = publicly ? undefined : MessageFlags.Ephemeral;
  if (target.deferred || target.replied) await target.editReply(message);
  else await target.reply({ ...message, flags });
}

/**
 * Sends a short private text whatever state the interaction is in: a reply, the deferred reply,
 * or a follow-up. Never throws: it is used on paths that are already handling a failure.
 */
export async function replyPrivately(
  interaction: CommandInteraction | MessageComponentInteraction | ModalSubmitInteraction,
  content: string,
): Promise<void> {
  const message = { content, ...noMentions };
  try {
    if (interaction.replied) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    else if (interaction.deferred) await interaction.editReply(message);
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  } catch (error) {
    logger.debug('Could not send a private reply', { error });
  }
}

/**
 * For message commands that show something personal: in a server channel it goes to the author by
 * DM and the channel only hears where it went; closed DMs get a pointer to `slash` (the private
 * slash command). In a DM it is simply the reply. Resolves to whether the content reached the
 * author privately; errors other than closed DMs are thrown.
 */
export async function sendPrivately(
  message: Message,
  content: ReplyContent,
  { slash }: { slash?: string } = {},
): Promise<boolean> {
  if (!message.inGuild()) {
    await respond(message, content);
    return true;
  }
  try {
    await message.author.send(toMessage(content));
  } catch (error) {
    if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser))
      throw error;
    await respond(message, {
      outcome: 'warning',
      title: 'I could not DM you',
      description: `Your DMs seem closed. Allow DMs from this server (Privacy Settings), or use ${slash ? `\`${slash}\`` : 'the slash command'}: it answers privately, right here.`,
    });
    return false;
  }
  await respond(message, {
    outcome: 'info',
    title: 'Sent by DM',
    description: 'It is private, so it went to your DMs.',
  });
  return true;
}

/** A short id a user can quote to staff, and which the logs carry. */
export const newReferenceId = () => randomBytes(4).toString('hex');

export type CommandTarget = ChatInputCommandInteraction | Message;
