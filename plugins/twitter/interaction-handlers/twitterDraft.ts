import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { respond } from 'mellow';
import { TwitterPost } from '../entities/TwitterPost';
import { submitReply } from '../lib/compose';
import { twitterContext } from '../lib/config';
import { cancelDraft, submit } from '../lib/posts';
import { guildAccount } from '../lib/accounts';
import { accountLabel } from '../lib/views';

/** The preview's Post and Cancel buttons. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'twitterDraft',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class TwitterDraftHandler extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, id] = interaction.customId.split(':');
    if (action !== 'twitter.send' && action !== 'twitter.cancel') return this.none();
    return this.some({ send: action === 'twitter.send', postId: Number(id) });
  }

  public override async run(interaction: ButtonInteraction, { send, postId }: InteractionHandler.ParseResult<this>) {
    const em = twitterContext().em();
    const post = await em.findOne(TwitterPost, { id: postId, guildId: interaction.guildId! });
    if (post?.authorId !== interaction.user.id) {
      return respond(interaction, {
        outcome: 'error',
        title: 'Not your draft',
        description: 'Only its author can post or cancel it.',
      });
    }
    await interaction.deferUpdate();
    const done = { components: [] };
    if (!send) {
      const cancelled = await cancelDraft(em, postId, interaction.user.id);
      return respond(interaction, {
        outcome: cancelled ? 'info' : 'warning',
        title: cancelled ? 'Cancelled' : 'This draft is gone',
        description: cancelled ? 'Nothing was posted.' : 'It was already posted or cancelled.',
        extra: done,
      });
    }
    const account =
      post.account === 'guild'
        ? accountLabel(post, (await guildAccount(em, post.guildId))?.username ?? null)
        : accountLabel(post, null);
    return respond(interaction, { ...submitReply(await submit(em, postId, account)), extra: done });
  }
}
