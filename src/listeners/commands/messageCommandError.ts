import { Events, Listener, type MessageCommandErrorPayload } from '@sapphire/framework';
import { noMentions } from '../../lib/discord/replies';
import { recordCommand, reportCommandError } from '../../lib/runtime/commandOutcomes';

/** A message command threw: log it with a reference id and apologise. */
export class MessageCommandErrorListener extends Listener<typeof Events.MessageCommandError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.MessageCommandError });
  }

  public override async run(error: unknown, { message, command, duration }: MessageCommandErrorPayload) {
    recordCommand({
      command,
      outcome: 'error',
      guildId: message.guildId,
      userId: message.author.id,
      durationMs: duration,
    });
    const content = reportCommandError(error, command, message.guildId, message.author.id);
    await message.reply({ content, ...noMentions }).catch(() => undefined);
  }
}
