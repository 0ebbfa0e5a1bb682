import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { respond } from 'mellow';
import { actorOf } from '../lib/access';
import { twitterContext } from '../lib/config';
import { editQueued } from '../lib/queue';

/** The edit form of /twitter queue edit. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'twitterEdit',
  interactionHandlerType: InteractionHandlerTypes.ModalSubmit,
})
export class TwitterEditHandler extends InteractionHandler {
  public override parse(interaction: ModalSubmitInteraction) {
    const [action, id] = interaction.customId.split(':');
    return action === 'twitter.edit' ? this.some({ postId: Number(id) }) : this.none();
  }

  public override async run(interaction: ModalSubmitInteraction, { postId }: InteractionHandler.ParseResult<this>) {
    // Moving jobs and review messages can outlast Discord's 3 seconds.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const text = interaction.fields.getTextInputValue('text');
    const when = interaction.fields.getTextInputValue('when') ?? '';
    const reply = await editQueued(
      twitterContext().em(),
      interaction.guildId!,
      postId,
      actorOf(interaction),
      text,
      when,
    );
    return respond(interaction, reply);
  }
}
