import { ApplyOptions } from '@sapphire/decorators';
import { Command } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { respond } from 'mellow';
import { isShared, withPrivateOption } from '../lib/commandKit';
import { groundingStep } from '../lib/grounding';

@ApplyOptions<Command.Options>({ description: 'The 5-4-3-2-1 grounding exercise, one step at a time' })
export class GroundingCommand extends Command {
  public override registerApplicationCommands(registry: Command.Registry) {
    registry.registerChatInputCommand((builder) =>
      withPrivateOption(builder.setName(this.name).setDescription(this.description)),
    );
  }

  public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
    await respond(interaction, groundingStep(interaction.user.id, 0), { publicly: isShared(interaction) });
  }

  public override async messageRun(message: Message) {
    await respond(message, groundingStep(message.author.id, 0));
  }
}
