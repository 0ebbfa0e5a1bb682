import { ApplyOptions } from '@sapphire/decorators';
import { type Args, Command } from '@sapphire/framework';
import type { AutocompleteInteraction, Message } from 'discord.js';
import { type CommandTarget, pluginContext, respond } from 'mellow';
import { isShared, withPrivateOption } from '../lib/commandKit';
import { guildSettings } from '../lib/guildSettings';
import { countryCodes, countryName, looksLikeCountryCode, resolveCountry, resourcesReply } from '../lib/resources';

@ApplyOptions<Command.Options>({ description: 'Crisis lines and support services for your country' })
export class ResourcesCommand extends Command {
  public override registerApplicationCommands(registry: Command.Registry) {
    registry.registerChatInputCommand((builder) =>
      withPrivateOption(
        builder
          .setName(this.name)
          .setDescription(this.description)
          .addStringOption((option) =>
            option
              .setName('country')
              .setDescription("A country or its code, such as GB (default: the server's country)")
              .setMaxLength(60)
              .setAutocomplete(true),
          ),
      ),
    );
  }

  public override async autocompleteRun(interaction: AutocompleteInteraction) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = countryCodes()
      .map((code) => ({ name: `${countryName(code)} (${code})`, value: code }))
      .filter((choice) => choice.name.toLowerCase().includes(typed));
    await interaction.respond(choices.slice(0, 25));
  }

  public override async chatInputRun(interaction: Command.ChatInputCommandInteraction) {
    await this.show(interaction, interaction.options.getString('country'), isShared(interaction));
  }

  public override async messageRun(message: Message, args: Args) {
    await this.show(message, (await args.rest('string').catch(() => '')) || null, false);
  }

  /** Always shows resources: an unknown country gets the international directories, never just an error. */
  private async show(target: CommandTarget, input: string | null, publicly: boolean) {
    const code = input
      ? (resolveCountry(input) ?? (looksLikeCountryCode(input) ? input.toUpperCase() : null))
      : await this.serverCountry(target);
    const reply = resourcesReply(code);
    if (input && !code) {
      reply.description = `I don't recognise “${input.slice(0, 40)}” as a country, so here are international directories. Try a two-letter code such as GB or US.\n\n${reply.description}`;
    }
    await respond(target, reply, { publicly });
  }

  private async serverCountry(target: CommandTarget): Promise<string | null> {
    if (!target.guildId) return null;
    return (await guildSettings(pluginContext('coping').em(), target.guildId)).country;
  }
}
