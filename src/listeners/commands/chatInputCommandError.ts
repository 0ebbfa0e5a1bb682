import { Events, Listener, type ChatInputCommandErrorPayload } from '@sapphire/framework';
import { replyPrivately } from '../../lib/discord/replies';
import { recordCommand, reportCommandError } from '../../lib/runtime/commandOutcomes';

/** A slash command threw: log it with a reference id and apologise privately. */
export class ChatInputCommandErrorListener extends Listener<typeof Events.ChatInputCommandError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ChatInputCommandError });
  }

  public override async run(error: unknown, { interaction, command, duration }: ChatInputCommandErrorPayload) {
    recordCommand({
      command,
      outcome: 'error',
      guildId: interaction.guildId,
      userId: interaction.user.id,
      durationMs: duration,
    });
    const content = reportCommandError(error, command, interaction.guildId, interaction.user.id);
    await replyPrivately(interaction, content);
  }
}
