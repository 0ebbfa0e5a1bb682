import { Events, Listener, type MessageCommandSuccessPayload } from '@sapphire/framework';
import { recordCommand } from '../../lib/runtime/commandOutcomes';

export class MessageCommandSuccessListener extends Listener<typeof Events.MessageCommandSuccess> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.MessageCommandSuccess });
  }

  public override run({ message, command, duration }: MessageCommandSuccessPayload) {
    recordCommand({
      command,
      outcome: 'success',
      guildId: message.guildId,
      userId: message.author.id,
      durationMs: duration,
    });
  }
}
