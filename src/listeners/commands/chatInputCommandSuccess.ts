import { Events, Listener, type ChatInputCommandSuccessPayload } from '@sapphire/framework';
import { alreadySettled, recordCommand } from '../../lib/runtime/commandOutcomes';

export class ChatInputCommandSuccessListener extends Listener<typeof Events.ChatInputCommandSuccess> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ChatInputCommandSuccess });
  }

  public override run({ interaction, command, duration }: ChatInputCommandSuccessPayload) {
    // A subcommand that failed or was refused has already been counted.
    if (alreadySettled(interaction)) return;
    recordCommand({
      command,
      outcome: 'success',
      guildId: interaction.guildId,
      userId: interaction.user.id,
      durationMs: duration,
    });
  }
}
