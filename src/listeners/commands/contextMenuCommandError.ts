import { type ContextMenuCommandErrorPayload, Events, Listener } from '@sapphire/framework';
import { replyPrivately } from '../../lib/discord/replies';
import { recordCommand, reportCommandError } from '../../lib/runtime/commandOutcomes';

/** A context-menu command threw: log it with a reference id and apologise privately. */
export class ContextMenuCommandErrorListener extends Listener<typeof Events.ContextMenuCommandError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ContextMenuCommandError });
  }

  public override async run(error: unknown, { interaction, command, duration }: ContextMenuCommandErrorPayload) {
    const { guildId, user } = interaction;
    recordCommand({ command, outcome: 'error', guildId, userId: user.id, durationMs: duration });
    const content = reportCommandError(error, command, guildId, user.id);
    await replyPrivately(interaction, content);
  }
}
