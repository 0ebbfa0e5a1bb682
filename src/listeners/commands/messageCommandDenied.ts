import { Events, Listener, type MessageCommandDeniedPayload, type UserError } from '@sapphire/framework';
import { noMentions } from '../../lib/discord/replies';
import { recordCommand } from '../../lib/runtime/commandOutcomes';

/** Tells the author of a refused message command why, in a reply that pings nobody. */
export class MessageCommandDeniedListener extends Listener<typeof Events.MessageCommandDenied> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.MessageCommandDenied });
  }

  public override async run(error: UserError, { message, command }: MessageCommandDeniedPayload) {
    recordCommand({ command, outcome: 'denied', guildId: message.guildId, userId: message.author.id });
    if (Reflect.get(Object(error.context), 'silent')) return;
    await message.reply({ content: error.message, ...noMentions });
  }
}
