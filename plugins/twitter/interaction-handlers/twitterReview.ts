import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { respond } from 'mellow';
import { actorOf, isApprover } from '../lib/access';
import { announceReview, reviewReply } from '../lib/compose';
import { twitterContext } from '../lib/config';
import { rejectModal } from '../lib/modals';
import { approve } from '../lib/posts';
import { settingsOf } from '../lib/settings';

/** Approve and Reject on a review request. Reject asks for an optional note first. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'twitterReview',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class TwitterReviewHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, id, revision] = interaction.customId.split(':');
    if (action !== 'twitter.approve' && action !== 'twitter.reject') return this.none();
    return this.some({ approving: action === 'twitter.approve', postId: Number(id), revision: Number(revision ?? 0) });
  }

  public override async run(
    interaction: ButtonInteraction,
    { approving, postId, revision }: InteractionHandler.ParseResult<this>,
  ) {
    const em = twitterContext().em();
    if (!isApprover(actorOf(interaction), await settingsOf(em, interaction.guildId!))) {
      return respond(interaction, {
        outcome: 'error',
        title: 'Only approvers can review posts',
        description:
          'Approvers are the role set with `/twitter settings approver-role` (or, without one, server admins).',
      });
    }
    if (!approving) return interaction.showModal(rejectModal(postId, revision));
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await approve(em, postId, revision, interaction.user.id);
    await announceReview(result, interaction.user.id);
    const { reply } = reviewReply(result, interaction.user.id);
    return respond(interaction, reply);
  }
}
