import { Events, Listener, type ChatInputCommandSuccessPayload } from '@sapphire/framework';
import { recordCommand } from '../../lib/runtime/commandOutcomes';

export class ChatInputCommandSuccessListener extends Listener<typeof Events.ChatInputCommandSuccess> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ChatInputCommandSuccess });
  }

  public override run({ interaction, command, duration }: ChatInputCommandSuccessPayload) {
    recordCommand({
      command,
      outcome: 'success',
      guildId: interaction.guildId,
      userId: interaction.user.id,
      durationMs: duration,
    });
  }
}
