import { Subcommand } from '@sapphire/plugin-subcommands';
import { InteractionContextType, PermissionFlagsBits, type SlashCommandBuilder } from 'discord.js';

/**
 * Base for commands only server admins use: the ServerAdmin precondition (Manage Server, or a bot
 * owner), guilds only, and hidden from other members in Discord's command picker.
 */
export abstract class ServerAdminSubcommand extends Subcommand {
  public constructor(context: Subcommand.LoaderContext, options: Subcommand.Options) {
    super(context, { preconditions: ['ServerAdmin'], runIn: ['GUILD_ANY'], ...options });
  }

  /** The slash command's name, description and admin-only visibility; add the subcommands. */
  protected adminCommand(builder: SlashCommandBuilder): SlashCommandBuilder {
    return builder
      .setName(this.name)
      .setDescription(this.description)
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .setContexts(InteractionContextType.Guild);
  }
}
