import { type ContextMenuCommandSuccessPayload, Events, Listener } from '@sapphire/framework';
import { recordCommand } from '../../lib/runtime/commandOutcomes';

export class ContextMenuCommandSuccessListener extends Listener<typeof Events.ContextMenuCommandSuccess> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ContextMenuCommandSuccess });
  }

  public override run({ interaction, command, duration }: ContextMenuCommandSuccessPayload) {
    const { guildId, user } = interaction;
    recordCommand({ command, outcome: 'success', guildId, userId: user.id, durationMs: duration });
  }
}
