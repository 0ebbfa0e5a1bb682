import { Events, Listener, type MessageCommandErrorPayload } from '@sapphire/framework';
import { failMessage } from '../../lib/runtime/commandOutcomes';

/** A message command threw: log it with a reference id and apologise. */
export class MessageCommandErrorListener extends Listener<typeof Events.MessageCommandError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.MessageCommandError });
  }

  public override async run(error: unknown, { message, command, duration }: MessageCommandErrorPayload) {
    await failMessage(error, command, message, duration);
  }
}
