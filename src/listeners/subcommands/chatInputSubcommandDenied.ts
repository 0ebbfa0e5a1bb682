import { Listener, type UserError } from '@sapphire/framework';
import { type ChatInputSubcommandDeniedPayload, SubcommandPluginEvents } from '@sapphire/plugin-subcommands';
import { denyInteraction } from '../../lib/runtime/commandOutcomes';

/** A precondition on one subcommand refused: the plugin sends nothing, so say why, privately. */
export class ChatInputSubcommandDeniedListener extends Listener<
  typeof SubcommandPluginEvents.ChatInputSubcommandDenied
> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: SubcommandPluginEvents.ChatInputSubcommandDenied });
  }

  public override async run(error: UserError, { interaction, command }: ChatInputSubcommandDeniedPayload) {
    await denyInteraction(error, command, interaction);
  }
}
