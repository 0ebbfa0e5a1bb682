import { Events, Listener, type MessageCommandSuccessPayload } from '@sapphire/framework';
import { alreadySettled, recordCommand } from '../../lib/runtime/commandOutcomes';

export class MessageCommandSuccessListener extends Listener<typeof Events.MessageCommandSuccess> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.MessageCommandSuccess });
  }

  public override run({ message, command, duration }: MessageCommandSuccessPayload) {
    // A subcommand that failed or was refused has already been counted.
    if (alreadySettled(message)) return;
    recordCommand({
      command,
      outcome: 'success',
      guildId: message.guildId,
      userId: message.author.id,
      durationMs: duration,
    });
  }
}
