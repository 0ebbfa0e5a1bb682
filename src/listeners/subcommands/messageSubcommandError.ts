import { Listener } from '@sapphire/framework';
import { type MessageSubcommandErrorPayload, SubcommandPluginEvents } from '@sapphire/plugin-subcommands';
import { failMessage } from '../../lib/runtime/commandOutcomes';

/** A message subcommand threw (caught by the subcommand plugin): log it and apologise with a reference. */
export class MessageSubcommandErrorListener extends Listener<typeof SubcommandPluginEvents.MessageSubcommandError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: SubcommandPluginEvents.MessageSubcommandError });
  }

  public override async run(error: unknown, { message, command }: MessageSubcommandErrorPayload) {
    await failMessage(error, command, message);
  }
}
