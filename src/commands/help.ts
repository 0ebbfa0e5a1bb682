import { ApplyOptions } from '@sapphire/decorators';
import { Command } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { respond } from '../lib/discord/replies';
import { helpText } from '../lib/runtime/helpText';

@ApplyOptions<Command.Options>({ description: 'What Mellow can do on this server' })
export class HelpCommand extends Command {
  public override registerApplicationCommands(registry: Command.Registry) {
    registry.registerChatInputCommand((builder) => builder.setName(this.name).setDescription(this.description));
  }

  public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
    await respond(interaction, helpText(interaction.guildId));
  }

  public override async messageRun(message: Message) {
    await respond(message, helpText(message.guildId));
  }
}
