import { Listener, type UserError } from '@sapphire/framework';
import { type MessageSubcommandDeniedPayload, SubcommandPluginEvents } from '@sapphire/plugin-subcommands';
import { denyMessage } from '../../lib/runtime/commandOutcomes';

/** A precondition on one message subcommand refused: reply why, pinging nobody. */
export class MessageSubcommandDeniedListener extends Listener<typeof SubcommandPluginEvents.MessageSubcommandDenied> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: SubcommandPluginEvents.MessageSubcommandDenied });
  }

  public override async run(error: UserError, { message, command }: MessageSubcommandDeniedPayload) {
    await denyMessage(error, command, message);
  }
}
