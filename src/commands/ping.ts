import { ApplyOptions } from '@sapphire/decorators';
import { Command } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { type CommandTarget, respond } from '../lib/discord/replies';

@ApplyOptions<Command.Options>({ description: 'Check that the bot answers' })
export class PingCommand extends Command {
  public override registerApplicationCommands(registry: Command.Registry) {
    registry.registerChatInputCommand((builder) => builder.setName(this.name).setDescription(this.description));
  }

  public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
    await this.pong(interaction);
  }

  public override async messageRun(message: Message) {
    await this.pong(message);
  }

  private async pong(target: CommandTarget) {
    const ping = this.container.client.ws.ping;
    await respond(target, {
      outcome: 'success',
      title: 'Pong!',
      description: ping >= 0 ? `Gateway heartbeat: ${ping} ms.` : 'Connected; no heartbeat measured yet.',
    });
  }
}
