import { type Args, Command } from '@sapphire/framework';
import { type Message, MessageFlags } from 'discord.js';
import { type ReplyContent, respond } from 'mellow';
import type { Feeling } from './content';
import { asFeeling, isShared, restWords, unknownFeeling, withFeelingOption, withPrivateOption } from './commandKit';

/**
 * The simple tools (/affirmation, /distraction, /challenge, /music): one optional feeling, a
 * private answer unless shared. Subclasses only say what the answer is.
 */
export abstract class ToolCommand extends Command {
  /** Whether the command takes a feeling. */
  protected readonly takesFeeling: boolean = false;
  /** Whether answering may wait on the AI endpoint (then the reply is deferred first). */
  protected readonly mayWait: boolean = false;

  /**
   * `privately` is true when only the user will read the answer (a private slash reply, or a DM):
   * only then may it draw on their own toolbox and plan.
   */
  protected abstract answer(
    userId: string,
    feeling: Feeling | null,
    privately: boolean,
  ): Promise<ReplyContent> | ReplyContent;

  public override registerApplicationCommands(registry: Command.Registry) {
    registry.registerChatInputCommand((builder) => {
      const base = builder.setName(this.name).setDescription(this.description);
      return withPrivateOption(this.takesFeeling ? withFeelingOption(base) : base);
    });
  }

  public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
    const publicly = isShared(interaction);
    if (this.mayWait) await interaction.deferReply(publicly ? {} : { flags: MessageFlags.Ephemeral });
    const feeling = asFeeling(interaction.options.getString('feeling'));
    const content = await this.answer(interaction.user.id, feeling, !publicly);
    await respond(interaction, content, { publicly });
  }

  public override async messageRun(message: Message, args: Args) {
    const [word] = await restWords(args);
    const feeling = this.takesFeeling ? asFeeling(word) : null;
    if (this.takesFeeling && word && !feeling) return respond(message, unknownFeeling(word));
    return respond(message, await this.answer(message.author.id, feeling, !message.inGuild()));
  }
}
