import { Events, Listener, type MessageCommandDeniedPayload, type UserError } from '@sapphire/framework';
import { denyMessage } from '../../lib/runtime/commandOutcomes';

/** Tells the author of a refused message command why, in a reply that pings nobody. */
export class MessageCommandDeniedListener extends Listener<typeof Events.MessageCommandDenied> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.MessageCommandDenied });
  }

  public override async run(error: UserError, { message, command }: MessageCommandDeniedPayload) {
    await denyMessage(error, command, message);
  }
}
