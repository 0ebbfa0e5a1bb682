import { type ChatInputCommandInteraction, type Message, MessageFlags } from 'discord.js';
import { respond } from 'mellow';
import type { PostAccount } from '../../entities/TwitterPost';
import { type Actor, actorOf, isAdmin } from '../access';
import { twitterContext } from '../config';

export type Interaction = ChatInputCommandInteraction;
type Run = (interaction: Interaction) => Promise<unknown>;

export const em = () => twitterContext().em();

export const requestedAccount = (interaction: Interaction) =>
  (interaction.options.getString('account') as PostAccount | null) ?? undefined;

export const messageActor = (message: Message<true>): Actor => ({
  userId: message.author.id,
  member: message.member,
  memberPermissions: message.member?.permissions ?? null,
});

/**
 * Answers privately after deferring: the work behind most subcommands touches Postgres, Redis
 * (up to 2 s when it is down) or X, and Discord wants an answer within 3 seconds.
 */
export const deferred =
  (run: Run): Run =>
  async (interaction) => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    return run(interaction);
  };

/** Server admins (Manage Server) only; everyone else gets the reason. */
export const adminOnly =
  (run: Run): Run =>
  async (interaction) => {
    if (!isAdmin(actorOf(interaction))) {
      return respond(interaction, {
        outcome: 'error',
        title: 'Only server admins can do this',
        description: 'It needs the **Manage Server** permission.',
      });
    }
    return deferred(run)(interaction);
  };
