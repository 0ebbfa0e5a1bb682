import { Events, type InteractionHandlerError, Listener } from '@sapphire/framework';
import { newReferenceId, replyPrivately } from '../../lib/discord/replies';
import { logger } from '../../lib/logging/logger';

/** A button, select or modal handler threw: log it with a reference id and apologise privately. */
export class InteractionHandlerErrorListener extends Listener<typeof Events.InteractionHandlerError> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.InteractionHandlerError });
  }

  public override async run(error: unknown, { interaction, handler }: InteractionHandlerError) {
    const reference = newReferenceId();
    logger.error(`Interaction handler ${handler.name} failed [ref ${reference}]`, {
      error,
      guildId: interaction.guildId,
    });
    this.container.mellow.systemLog.record({
      type: 'error',
      severity: 'error',
      title: `Handler ${handler.name} failed`,
      description: error instanceof Error ? error.message : String(error),
      guildId: interaction.guildId,
      userId: interaction.user.id,
      metadata: { reference, handler: handler.name },
    });
    if (!interaction.isRepliable()) return;
    const content = `Sorry, that did not work on our side. If it keeps happening, give the bot's staff this reference: \`${reference}\`.`;
    await replyPrivately(interaction, content);
  }
}
