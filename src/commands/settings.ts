import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import type { Subcommand } from '@sapphire/plugin-subcommands';
import { ServerAdminSubcommand } from '../lib/commands/ServerAdminSubcommand';
import { ChannelType, type GuildBasedChannel, type Message } from 'discord.js';
import { respond } from '../lib/discord/replies';
import { setLogChannel, setPrefix, viewSettings } from '../lib/settings/settingsAdmin';

@ApplyOptions<Subcommand.Options>({
  description: 'View and change this server’s core settings',
  subcommands: [
    { name: 'view', chatInputRun: 'chatInputView', messageRun: 'messageView', default: true },
    { name: 'prefix', chatInputRun: 'chatInputPrefix', messageRun: 'messagePrefix' },
    { name: 'log-channel', chatInputRun: 'chatInputLogChannel', messageRun: 'messageLogChannel' },
  ],
})
export class SettingsCommand extends ServerAdminSubcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      this.adminCommand(builder)
        .addSubcommand((sub) => sub.setName('view').setDescription('Show the current settings'))
        .addSubcommand((sub) =>
          sub
            .setName('prefix')
            .setDescription('The prefix of message commands')
            .addStringOption((option) =>
              option.setName('value').setDescription('For example ! or m!').setRequired(true).setMaxLength(10),
            ),
        )
        .addSubcommand((sub) =>
          sub
            .setName('log-channel')
            .setDescription('Where bot events are posted; leave empty to stop')
            .addChannelOption((option) =>
              option
                .setName('channel')
                .setDescription('A text channel')
                .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
            ),
        ),
    );
  }

  public async chatInputView(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(interaction, viewSettings(interaction.guildId!));
  }

  public async chatInputPrefix(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(
      interaction,
      await setPrefix(interaction.guildId!, interaction.options.getString('value', true), interaction.user.id),
    );
  }

  public async chatInputLogChannel(interaction: Subcommand.ChatInputCommandInteraction<'cached'>) {
    const channel = interaction.options.getChannel('channel') as GuildBasedChannel | null;
    await respond(interaction, await setLogChannel(interaction.guild, channel, interaction.user.id));
  }

  public async messageView(message: Message<true>) {
    await respond(message, viewSettings(message.guildId));
  }

  public async messagePrefix(message: Message<true>, args: Args) {
    const value = await args.pick('string').catch(() => '');
    await respond(message, await setPrefix(message.guildId, value, message.author.id));
  }

  public async messageLogChannel(message: Message<true>, args: Args) {
    if (args.finished) return respond(message, await setLogChannel(message.guild, null, message.author.id));
    const channel = await args.pick('guildTextChannel').catch(() => null);
    if (!channel) {
      return respond(message, {
        outcome: 'error',
        title: 'Channel not found',
        description:
          'Mention a text channel, for example `!settings log-channel #bot-logs`. Leave it out to stop posting events.',
      });
    }
    return respond(message, await setLogChannel(message.guild, channel, message.author.id));
  }
}
