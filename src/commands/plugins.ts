import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import { Subcommand } from '@sapphire/plugin-subcommands';
import {
  type AutocompleteInteraction,
  InteractionContextType,
  type Message,
  PermissionFlagsBits,
  type SlashCommandStringOption,
} from 'discord.js';
import { type CommandTarget, respond, type ReplyContent } from '../lib/discord/replies';
import { describePlugin, listPlugins, pluginChoices, togglePlugin } from '../lib/plugins/pluginAdmin';

const pluginOption = (option: SlashCommandStringOption) =>
  option.setName('plugin').setDescription('The plugin').setRequired(true).setAutocomplete(true).setMaxLength(64);

@ApplyOptions<Subcommand.Options>({
  description: 'See and switch the plugins of this server',
  preconditions: ['ServerAdmin'],
  runIn: ['GUILD_ANY'],
  subcommands: [
    { name: 'list', chatInputRun: 'chatInputList', messageRun: 'messageList', default: true },
    { name: 'info', chatInputRun: 'chatInputInfo', messageRun: 'messageInfo' },
    { name: 'enable', chatInputRun: 'chatInputEnable', messageRun: 'messageEnable' },
    { name: 'disable', chatInputRun: 'chatInputDisable', messageRun: 'messageDisable' },
  ],
})
export class PluginsCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
        .setContexts(InteractionContextType.Guild)
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
    await this.withName(message, args, (name) => describePlugin(name, message.guildId!));
  }

  public async messageEnable(message: Message, args: Args) {
    const name = await args.pick('string').catch(() => '');
    await this.toggle(message, name, true);
  }

  public async messageDisable(message: Message, args: Args) {
    const name = await args.pick('string').catch(() => '');
    await this.toggle(message, name, false);
  }

  private async withName(message: Message, args: Args, run: (name: string) => ReplyContent) {
    const name = await args.pick('string').catch(() => '');
    await respond(message, name ? run(name) : this.missingName());
  }

  private async toggle(target: CommandTarget, name: string, enabled: boolean) {
    if (!name) return respond(target, this.missingName());
    const userId = 'author' in target ? target.author.id : target.user.id;
    return respond(target, await togglePlugin(name, target.guildId!, enabled, userId));
  }

  private missingName(): ReplyContent {
    return {
      outcome: 'error',
      title: 'Which plugin?',
      description: 'Name a plugin, for example `!plugins enable reminders`. `!plugins list` shows them all.',
    };
  }
}
