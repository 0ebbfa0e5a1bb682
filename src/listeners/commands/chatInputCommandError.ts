import { Events, Listener, type ChatInputCommandErrorPayload } from '@sapphire/framework';
import { failInteraction } from '../../lib/runtime/commandOutcomes';

/** A slash command threw: log it with a reference id and apologise privately. */
export class ChatInputCommandErrorListener extends Listener<typeof Events.ChatInputCommandError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ChatInputCommandError });
  }

  public override async run(error: unknown, { interaction, command, duration }: ChatInputCommandErrorPayload) {
    await failInteraction(error, command, interaction, duration);
  }
}
