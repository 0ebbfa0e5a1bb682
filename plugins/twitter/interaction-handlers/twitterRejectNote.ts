import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ModalSubmitInteraction } from 'discord.js';
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
    const [action, id] = interaction.customId.split(':');
    return action === 'twitter.rejectNote' ? this.some({ postId: Number(id) }) : this.none();
  }

  public override async run(interaction: ModalSubmitInteraction, { postId }: InteractionHandler.ParseResult<this>) {
    const em = twitterContext().em();
    if (!isApprover(actorOf(interaction), await settingsOf(em, interaction.guildId!))) {
      return respond(interaction, { outcome: 'error', title: 'Only approvers can review posts' });
    }
    const note = interaction.fields.getTextInputValue('note').trim() || null;
    const result = await reject(em, postId, interaction.user.id, note);
    await announceReview(result, interaction.user.id);
    const { reply } = reviewReply(result, interaction.user.id);
    return respond(interaction, reply);
  }
}
