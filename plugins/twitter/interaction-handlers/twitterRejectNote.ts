import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { respond } from 'mellow';
import { actorOf, isApprover } from '../lib/access';
import { announceReview, reviewReply } from '../lib/compose';
import { twitterContext } from '../lib/config';
import { reject } from '../lib/posts';
import { settingsOf } from '../lib/settings';

/** The rejection note, then the rejection. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'twitterRejectNote',
  interactionHandlerType: InteractionHandlerTypes.ModalSubmit,
})
export class TwitterRejectNoteHandler extends InteractionHandler {
  public override parse(interaction: ModalSubmitInteraction) {
    const [action, id, revision] = interaction.customId.split(':');
    return action === 'twitter.rejectNote'
      ? this.some({ postId: Number(id), revision: Number(revision ?? 0) })
      : this.none();
  }

  public override async run(
    interaction: ModalSubmitInteraction,
    { postId, revision }: InteractionHandler.ParseResult<this>,
  ) {
    // Announcing the decision (review message, author's DM) can outlast Discord's 3 seconds.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const em = twitterContext().em();
    if (!isApprover(actorOf(interaction), await settingsOf(em, interaction.guildId!))) {
      return respond(interaction, { outcome: 'error', title: 'Only approvers can review posts' });
    }
    const note = interaction.fields.getTextInputValue('note').trim() || null;
    const result = await reject(em, postId, revision, interaction.user.id, note);
    await announceReview(result, interaction.user.id);
    const { reply } = reviewReply(result, interaction.user.id);
    return respond(interaction, reply);
  }
}
