import { ApplyOptions } from '@sapphire/decorators';
import { InteractionHandler, InteractionHandlerTypes } from '@sapphire/framework';
import type { ButtonInteraction } from 'discord.js';
import { PRIVACY_DELETE_CANCEL, PRIVACY_DELETE_CONFIRM } from '../commands/privacy';
import { outcomeEmbed } from '../lib/discord/embeds';
import { noMentions } from '../lib/discord/replies';
import { deleteUserData } from '../lib/privacy/userData';

@ApplyOptions<InteractionHandler.Options>({
  name: 'corePrivacyDeleteButtons',
  interactionHandlerType: InteractionHandlerTypes.Button,
})
export class PrivacyDeleteButtons extends InteractionHandler {
  public override parse(interaction: ButtonInteraction) {
    const [action, userId] = interaction.customId.split(':');
    if (action !== PRIVACY_DELETE_CONFIRM && action !== PRIVACY_DELETE_CANCEL) return this.none();
    return this.some({ confirm: action === PRIVACY_DELETE_CONFIRM, userId });
  }

  public override async run(interaction: ButtonInteraction, { confirm, userId }: { confirm: boolean; userId: string }) {
    if (interaction.user.id !== userId) {
      await interaction.reply({
        content: 'These buttons belong to someone else. Run `/privacy delete` yourself.',
        flags: 'Ephemeral',
        ...noMentions,
      });
      return;
    }
    if (!confirm) {
      await interaction.update({
        embeds: [outcomeEmbed('info', 'Nothing was erased', 'Your data is unchanged.')],
        components: [],
        ...noMentions,
      });
      return;
    }
    await interaction.deferUpdate();
    const { removed, errors } = await deleteUserData(userId);
    const summary = Object.entries(removed)
      .map(([owner, count]) => `${owner}: ${count}`)
      .join(', ');
    const embed = errors.length
      ? outcomeEmbed(
          'warning',
          'Partly erased',
          `Erased: ${summary}. These plugins are not running or failed, so any data they hold is still there: ${errors.join(', ')}. Try again later, or ask the bot's operator.`,
        )
      : outcomeEmbed('success', 'Your data is erased', `Records removed: ${summary}.`);
    await interaction.editReply({ embeds: [embed], components: [], ...noMentions });
    this.container.mellow.systemLog.record({
      type: 'settings',
      title: 'A user erased their data',
      userId: null,
      metadata: { removed },
    });
  }
}
