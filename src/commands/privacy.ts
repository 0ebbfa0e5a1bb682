import { ApplyOptions } from '@sapphire/decorators';
import { Subcommand } from '@sapphire/plugin-subcommands';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  type Message,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord.js';
import { noMentions, respond } from '../lib/discord/replies';
import { exportUserData } from '../lib/privacy/userData';

export const PRIVACY_DELETE_CONFIRM = 'core.privacy.delete';
export const PRIVACY_DELETE_CANCEL = 'core.privacy.cancel';

/** The export as a file, and a sentence saying whether anything is missing from it. */
async function exportFile(userId: string): Promise<{ file: AttachmentBuilder; content: string }> {
  const data = await exportUserData(userId);
  const file = new AttachmentBuilder(Buffer.from(JSON.stringify(data, null, 2)), {
    name: `mellow-data-${userId}.json`,
  });
  const missing = data.errors.length
    ? ` These plugins are not running right now, so their data (if any) is not included: ${data.errors.join(', ')}.`
    : '';
  return { file, content: `Here is everything Mellow stores about you.${missing}` };
}

@ApplyOptions<Subcommand.Options>({
  description: 'See or erase what Mellow stores about you',
  subcommands: [
    { name: 'export', chatInputRun: 'chatInputExport', messageRun: 'messageExport' },
    { name: 'delete', chatInputRun: 'chatInputDelete', messageRun: 'messageDelete' },
  ],
})
export class PrivacyCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .addSubcommand((sub) =>
          sub.setName('export').setDescription('A JSON file of everything Mellow stores about you'),
        )
        .addSubcommand((sub) => sub.setName('delete').setDescription('Erase everything Mellow stores about you')),
    );
  }

  public async chatInputExport(interaction: Subcommand.ChatInputCommandInteraction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { file, content } = await exportFile(interaction.user.id);
    await interaction.editReply({ content: `${content} Only you can see this.`, files: [file], ...noMentions });
  }

  public async chatInputDelete(interaction: Subcommand.ChatInputCommandInteraction) {
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId(`${PRIVACY_DELETE_CONFIRM}:${interaction.user.id}`)
        .setLabel('Erase my data')
        .setStyle(ButtonStyle.Danger),
      new ButtonBuilder()
        .setCustomId(`${PRIVACY_DELETE_CANCEL}:${interaction.user.id}`)
        .setLabel('Keep it')
        .setStyle(ButtonStyle.Secondary),
    );
    await respond(interaction, {
      outcome: 'warning',
      title: 'Erase everything Mellow stores about you?',
      description:
        'This removes your data from every plugin (reminders, coping tools, tickets…) on every server. It cannot be undone.',
      extra: { components: [buttons] },
    });
  }

  /** A data export is private: by message command it goes by DM, never into the channel. */
  public async messageExport(message: Message) {
    const { file, content } = await exportFile(message.author.id);
    try {
      await message.author.send({ content, files: [file], ...noMentions });
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser))
        throw error;
      return respond(message, {
        outcome: 'error',
        title: 'I could not DM you',
        description: 'Your DMs seem closed. Use `/privacy export` instead: it answers privately, right here.',
      });
    }
    return respond(message, {
      outcome: 'success',
      title: 'Sent by DM',
      description: 'I sent your data export to your DMs.',
    });
  }

  public async messageDelete(message: Message) {
    await respond(message, {
      outcome: 'info',
      title: 'Use the slash command',
      description: 'Run `/privacy delete`: it asks you to confirm privately, so nobody else can click for you.',
    });
  }
}
