import { type ContextMenuCommandDeniedPayload, Events, Listener, type UserError } from '@sapphire/framework';
import { denyInteraction } from '../../lib/runtime/commandOutcomes';

/** A refused context-menu command: tell the user why, privately (Sapphire sends nothing). */
export class ContextMenuCommandDeniedListener extends Listener<typeof Events.ContextMenuCommandDenied> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ContextMenuCommandDenied });
  }

  public override async run(error: UserError, { interaction, command }: ContextMenuCommandDeniedPayload) {
    await denyInteraction(error, command, interaction);
  }
}
