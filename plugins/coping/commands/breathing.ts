import { ApplyOptions } from '@sapphire/decorators';
import { type Args, Command } from '@sapphire/framework';
import type { Message } from 'discord.js';
import { respond } from 'mellow';
import {
  asFeeling,
  asTechnique,
  isShared,
  restWords,
  unknownFeeling,
  withFeelingOption,
  withPrivateOption,
} from '../lib/commandKit';
import { TECHNIQUES } from '../lib/content';
import { breathingReply } from '../lib/tools';

@ApplyOptions<Command.Options>({ description: 'A breathing exercise, with an optional guided session' })
export class BreathingCommand extends Command {
  public override registerApplicationCommands(registry: Command.Registry) {
    registry.registerChatInputCommand((builder) =>
      withPrivateOption(
        withFeelingOption(
          builder
            .setName(this.name)
            .setDescription(this.description)
            .addStringOption((option) =>
              option
                .setName('technique')
                .setDescription('Which exercise (default: one that suits your feeling, else box)')
                .addChoices(...TECHNIQUES.map((technique) => ({ name: technique, value: technique }))),
            ),
          'How you feel, to pick a technique that suits it',
        ),
      ),
    );
  }

  public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
    const content = breathingReply(
      interaction.user.id,
      asTechnique(interaction.options.getString('technique')),
      asFeeling(interaction.options.getString('feeling')),
    );
    await respond(interaction, content, { publicly: isShared(interaction) });
  }

  /** `!breathing`, `!breathing box`, `!breathing 4-7-8 anxious`, `!breathing anxious`. */
  public override async messageRun(message: Message, args: Args) {
    const words = await restWords(args);
    const technique = words.map(asTechnique).find(Boolean) ?? null;
    const rest = words.filter((word) => !asTechnique(word));
    const feeling = asFeeling(rest[0]);
    if (rest[0] && !feeling) {
      const hint = unknownFeeling(rest[0]);
      return respond(message, { ...hint, description: `${hint.description} Techniques: ${TECHNIQUES.join(', ')}.` });
    }
    return respond(message, breathingReply(message.author.id, technique, feeling));
  }
}
