import { Events, Listener, type ChatInputCommandDeniedPayload, type UserError } from '@sapphire/framework';
import { denyInteraction } from '../../lib/runtime/commandOutcomes';

/** Sapphire sends nothing when a precondition refuses a slash command; this tells the user why, privately. */
export class ChatInputCommandDeniedListener extends Listener<typeof Events.ChatInputCommandDenied> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ChatInputCommandDenied });
  }

  public override async run(error: UserError, { interaction, command }: ChatInputCommandDeniedPayload) {
    await denyInteraction(error, command, interaction);
  }
}
