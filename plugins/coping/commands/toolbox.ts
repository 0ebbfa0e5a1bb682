import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import { Subcommand } from '@sapphire/plugin-subcommands';
import { type AutocompleteInteraction, type Message, MessageFlags } from 'discord.js';
import { pluginContext, respond, sendPrivately } from 'mellow';
import { asGoal } from '../lib/commandKit';
import { GOALS } from '../lib/content';
import { TOOL_MAX_LENGTH, readToolbox } from '../lib/toolbox';
import { addToolReply, listToolsReply, removeToolReply, suggestToolsReply } from '../lib/toolboxReplies';

const em = () => pluginContext('coping').em();

/** Your personal toolbox. Always private: on the message path the list goes by DM. */
@ApplyOptions<Subcommand.Options>({
  description: 'Your personal coping toolbox',
  subcommands: [
    { name: 'add', chatInputRun: 'chatInputAdd', messageRun: 'messageAdd' },
    { name: 'remove', chatInputRun: 'chatInputRemove', messageRun: 'messageRemove' },
    { name: 'list', chatInputRun: 'chatInputList', messageRun: 'messageList', default: true },
    { name: 'suggest', chatInputRun: 'chatInputSuggest', messageRun: 'messageSuggest' },
  ],
})
export class ToolboxCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .addSubcommand((sub) =>
          sub
            .setName('add')
            .setDescription('Add something that helps you')
            .addStringOption((option) =>
              option
                .setName('tool')
                .setDescription('For example: call my sister')
                .setRequired(true)
                .setMaxLength(TOOL_MAX_LENGTH),
            ),
        )
        .addSubcommand((sub) =>
          sub
            .setName('remove')
            .setDescription('Remove a tool')
            .addStringOption((option) =>
              option.setName('tool').setDescription('The tool to remove').setRequired(true).setAutocomplete(true),
            ),
        )
        .addSubcommand((sub) => sub.setName('list').setDescription('Show your toolbox'))
        .addSubcommand((sub) =>
          sub
            .setName('suggest')
            .setDescription('Ideas for your toolbox')
            .addStringOption((option) =>
              option
                .setName('goal')
                .setDescription('What you would like help with')
                .addChoices(...GOALS.map((goal) => ({ name: goal, value: goal }))),
            ),
        ),
    );
  }

  public override async autocompleteRun(interaction: AutocompleteInteraction) {
    const typed = interaction.options.getFocused().toLowerCase();
    const { tools } = await readToolbox(em(), interaction.user.id);
    const choices = tools
      .filter((tool) => tool.text.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((tool) => ({ name: `${tool.position}. ${tool.text}`.slice(0, 100), value: `id:${tool.id}` }));
    await interaction.respond(choices);
  }

  public async chatInputAdd(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(
      interaction,
      await addToolReply(em(), interaction.user.id, interaction.options.getString('tool', true)),
    );
  }

  public async chatInputRemove(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(
      interaction,
      await removeToolReply(em(), interaction.user.id, interaction.options.getString('tool', true), {
        privately: true,
      }),
    );
  }

  public async chatInputList(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(interaction, await listToolsReply(em(), interaction.user.id));
  }

  public async chatInputSuggest(interaction: Subcommand.ChatInputCommandInteraction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const goal = asGoal(interaction.options.getString('goal'));
    await respond(interaction, await suggestToolsReply(em(), interaction.user.id, goal, { personalise: true }));
  }

  public async messageAdd(message: Message, args: Args) {
    await respond(message, await addToolReply(em(), message.author.id, await args.rest('string').catch(() => '')));
  }

  public async messageRemove(message: Message, args: Args) {
    const query = await args.rest('string').catch(() => '');
    await respond(message, await removeToolReply(em(), message.author.id, query, { privately: !message.inGuild() }));
  }

  public async messageList(message: Message) {
    await sendPrivately(message, await listToolsReply(em(), message.author.id), { slash: '/toolbox list' });
  }

  /** In a channel the ideas stay generic: personalising would show the user's toolbox to everyone. */
  public async messageSuggest(message: Message, args: Args) {
    const goal = asGoal(await args.pick('string').catch(() => null));
    await respond(message, await suggestToolsReply(em(), message.author.id, goal, { personalise: false }));
  }
}
