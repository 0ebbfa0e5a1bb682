import { ApplyOptions } from '@sapphire/decorators';
import { Subcommand } from '@sapphire/plugin-subcommands';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Message,
  MessageFlags,
} from 'discord.js';
import { noMentions, respond } from '../lib/discord/replies';
import { exportUserData } from '../lib/privacy/userData';

export const PRIVACY_DELETE_CONFIRM = 'core.privacy.delete';
export const PRIVACY_DELETE_CANCEL = 'core.privacy.cancel';

const exportFile = async (userId: string) =>
  new AttachmentBuilder(Buffer.from(JSON.stringify(await exportUserData(userId), null, 2)), {
    name: `mellow-data-${userId}.json`,
  });

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
    await interaction.editReply({
      content: 'Here is everything Mellow stores about you. Only you can see this.',
      files: [await exportFile(interaction.user.id)],
      ...noMentions,
    });
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
    try {
      await message.author.send({
        content: 'Here is everything Mellow stores about you.',
        files: [await exportFile(message.author.id)],
        ...noMentions,
      });
      await respond(message, {
        outcome: 'success',
        title: 'Sent by DM',
        description: 'I sent your data export to your DMs.',
      });
    } catch {
      await respond(message, {
        outcome: 'error',
        title: 'I could not DM you',
        description: 'Your DMs seem closed. Use `/privacy export` instead: it answers privately, right here.',
      });
    }
  }

  public async messageDelete(message: Message) {
    await respond(message, {
      outcome: 'info',
      title: 'Use the slash command',
      description: 'Run `/privacy delete`: it asks you to confirm privately, so nobody else can click for you.',
    });
  }
}
