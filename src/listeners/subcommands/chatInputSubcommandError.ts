import { Listener } from '@sapphire/framework';
import { type ChatInputSubcommandErrorPayload, SubcommandPluginEvents } from '@sapphire/plugin-subcommands';
import { failInteraction } from '../../lib/runtime/commandOutcomes';

/**
 * A subcommand threw. The subcommand plugin catches it, so Sapphire's command error never fires:
 * log it with a reference id and apologise privately, as for any command.
 */
export class ChatInputSubcommandErrorListener extends Listener<typeof SubcommandPluginEvents.ChatInputSubcommandError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: SubcommandPluginEvents.ChatInputSubcommandError });
  }

  public override async run(error: unknown, { interaction, command }: ChatInputSubcommandErrorPayload) {
    await failInteraction(error, command, interaction);
  }
}
