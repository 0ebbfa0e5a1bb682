import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import type { Subcommand } from '@sapphire/plugin-subcommands';
import { ServerAdminSubcommand } from '../lib/commands/ServerAdminSubcommand';
import { type AutocompleteInteraction, type Message, type SlashCommandStringOption } from 'discord.js';
import { type CommandTarget, respond, type ReplyContent } from '../lib/discord/replies';
import { describePlugin, listPlugins, pluginChoices, togglePlugin } from '../lib/plugins/pluginAdmin';

const pluginOption = (option: SlashCommandStringOption) =>
  option.setName('plugin').setDescription('The plugin').setRequired(true).setAutocomplete(true).setMaxLength(64);

const pickName = (args: Args) => args.pick('string').catch(() => '');

const missingName: ReplyContent = {
  outcome: 'error',
  title: 'Which plugin?',
  description: 'Name a plugin, for example `!plugins enable reminders`. `!plugins list` shows them all.',
};

@ApplyOptions<Subcommand.Options>({
  description: 'See and switch the plugins of this server',
  subcommands: [
    { name: 'list', chatInputRun: 'chatInputList', messageRun: 'messageList', default: true },
    { name: 'info', chatInputRun: 'chatInputInfo', messageRun: 'messageInfo' },
    { name: 'enable', chatInputRun: 'chatInputEnable', messageRun: 'messageEnable' },
    { name: 'disable', chatInputRun: 'chatInputDisable', messageRun: 'messageDisable' },
  ],
})
export class PluginsCommand extends ServerAdminSubcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      this.adminCommand(builder)
        .addSubcommand((sub) => sub.setName('list').setDescription('Every plugin and whether it is on here'))
        .addSubcommand((sub) =>
          sub.setName('info').setDescription('Details of one plugin').addStringOption(pluginOption),
        )
        .addSubcommand((sub) =>
          sub.setName('enable').setDescription('Turn a plugin on here').addStringOption(pluginOption),
        )
        .addSubcommand((sub) =>
          sub.setName('disable').setDescription('Turn a plugin off here').addStringOption(pluginOption),
        ),
    );
  }

  public override async autocompleteRun(interaction: AutocompleteInteraction) {
    await interaction.respond(pluginChoices(interaction.options.getFocused()));
  }

  public async chatInputList(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(interaction, listPlugins(interaction.guildId!));
  }

  public async chatInputInfo(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(interaction, describePlugin(interaction.options.getString('plugin', true), interaction.guildId!));
  }

  public async chatInputEnable(interaction: Subcommand.ChatInputCommandInteraction) {
    await this.toggle(interaction, interaction.options.getString('plugin', true), true);
  }

  public async chatInputDisable(interaction: Subcommand.ChatInputCommandInteraction) {
    await this.toggle(interaction, interaction.options.getString('plugin', true), false);
  }

  public async messageList(message: Message) {
    await respond(message, listPlugins(message.guildId!));
  }

  public async messageInfo(message: Message, args: Args) {
    const name = await pickName(args);
    await respond(message, name ? describePlugin(name, message.guildId!) : missingName);
  }

  public async messageEnable(message: Message, args: Args) {
    await this.toggle(message, await pickName(args), true);
  }

  public async messageDisable(message: Message, args: Args) {
    await this.toggle(message, await pickName(args), false);
  }

  private async toggle(target: CommandTarget, name: string, enabled: boolean) {
    if (!name) return respond(target, missingName);
    const userId = 'author' in target ? target.author.id : target.user.id;
    return respond(target, await togglePlugin(name, target.guildId!, enabled, userId));
  }
}
