import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import { Subcommand } from '@sapphire/plugin-subcommands';
import type { AutocompleteInteraction, Message, SlashCommandStringOption } from 'discord.js';
import { zoneChoices } from '../lib/autocomplete';
import { setMyZone, setServerZone, viewZone } from '../lib/zoneActions';

@ApplyOptions<Subcommand.Options>({
  description: 'Your time zone, used to read reminder times',
  subcommands: [
    { name: 'view', chatInputRun: 'chatInputView', messageRun: 'messageView', default: true },
    { name: 'set', chatInputRun: 'chatInputSet', messageRun: 'messageSet' },
    { name: 'server', chatInputRun: 'chatInputServer', preconditions: ['ServerAdmin'], runIn: ['GUILD_ANY'] },
  ],
})
export class TimezoneCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    const zone = (option: SlashCommandStringOption) =>
      option
        .setName('zone')
        .setDescription('Type a city, e.g. Berlin or New York')
        .setRequired(true)
        .setAutocomplete(true);
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .addSubcommand((sub) => sub.setName('view').setDescription('Show your time zone'))
        .addSubcommand((sub) => sub.setName('set').setDescription('Set your time zone').addStringOption(zone))
        .addSubcommand((sub) =>
          sub.setName('server').setDescription("Set this server's default (admins)").addStringOption(zone),
        ),
    );
  }

  public override async autocompleteRun(interaction: AutocompleteInteraction) {
    await interaction.respond(zoneChoices(interaction));
  }

  public async chatInputView(interaction: Subcommand.ChatInputCommandInteraction) {
    await viewZone(interaction);
  }

  public async chatInputSet(interaction: Subcommand.ChatInputCommandInteraction) {
    await setMyZone(interaction, interaction.options.getString('zone', true));
  }

  public async chatInputServer(interaction: Subcommand.ChatInputCommandInteraction) {
    await setServerZone(interaction, interaction.options.getString('zone', true));
  }

  public async messageView(message: Message) {
    await viewZone(message);
  }

  public async messageSet(message: Message, args: Args) {
    await setMyZone(message, await args.rest('string').catch(() => ''));
  }
}
