import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { respond } from 'mellow';
import { actorOf, isAdmin } from '../lib/access';
import { finishConnect } from '../lib/accounts';
import { twitterContext } from '../lib/config';
import { explainFailure } from '../lib/views';
import { XFailure } from '../lib/x/failure';

/** The PIN: traded for the account's tokens, which are stored sealed. */
@ApplyOptions<InteractionHandler.Options>({
  name: 'twitterPinEntered',
  interactionHandlerType: InteractionHandlerTypes.ModalSubmit,
})
export class TwitterPinEnteredHandler extends InteractionHandler {
  public override parse(interaction: ModalSubmitInteraction) {
    return interaction.customId === 'twitter.pinEntered' ? this.some() : this.none();
  }

  public override async run(interaction: ModalSubmitInteraction) {
    if (!isAdmin(actorOf(interaction))) {
      return respond(interaction, { outcome: 'error', title: 'Only server admins can connect an account' });
    }
    const pin = interaction.fields.getTextInputValue('pin').replace(/\s+/g, '');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      const result = await finishConnect(twitterContext().em(), interaction.guildId!, interaction.user.id, pin);
      if (result.ok) {
        return respond(interaction, {
          outcome: 'success',
          title: `Connected @${result.username}`,
          description: 'Posts for this server now go out as this account. `/twitter test` checks that it may post.',
        });
      }
      return respond(interaction, {
        outcome: 'error',
        title: result.reason === 'bad-pin' ? 'That PIN did not work' : 'No connection in progress',
        description:
          result.reason === 'bad-pin'
            ? 'Check the digits X showed and try again, or start over with `/twitter connect` if the PIN expired.'
            : 'The link expired or was started by someone else. Run `/twitter connect` again.',
      });
    } catch (error) {
      if (!(error instanceof XFailure)) throw error;
      return respond(interaction, {
        outcome: 'error',
        title: 'X refused the connection',
        description: explainFailure(error),
      });
    }
  }
}
