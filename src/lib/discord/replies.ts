import { randomBytes } from 'node:crypto';
import {
  type BaseMessageOptions,
  type ChatInputCommandInteraction,
  type CommandInteraction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
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

const toMessage = ({ outcome, title, description, extra }: ReplyContent): BaseMessageOptions => ({
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

/** A short id a user can quote to staff, and which the logs carry. */
export const newReferenceId = () => randomBytes(4).toString('hex');

export type CommandTarget = ChatInputCommandInteraction | Message;
