import { ApplyOptions } from '@sapphire/decorators';
import { Command } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { respond } from '../lib/discord/replies';
import { statusReport } from '../lib/runtime/statusReport';

@ApplyOptions<Command.Options>({ description: 'Bot health: ping, uptime, memory, database and scheduler' })
export class StatusCommand extends Command {
  public override registerApplicationCommands(registry: Command.Registry) {
    registry.registerChatInputCommand((builder) => builder.setName(this.name).setDescription(this.description));
  }

  public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
    await respond(interaction, await statusReport());
  }

  public override async messageRun(message: Message) {
    await respond(message, await statusReport());
  }
}
