import { Events, Listener, type ContextMenuCommandErrorPayload } from '@sapphire/framework';
import { failInteraction } from '../../lib/runtime/commandOutcomes';

/** A context-menu command threw: log it with a reference id and apologise privately. */
export class ContextMenuCommandErrorListener extends Listener<typeof Events.ContextMenuCommandError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ContextMenuCommandError });
  }

  public override async run(error: unknown, { interaction, command, duration }: ContextMenuCommandErrorPayload) {
    await failInteraction(error, command, interaction, duration);
  }
}
