import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import { Subcommand } from '@sapphire/plugin-subcommands';
import { ChannelType, type GuildBasedChannel, type Message } from 'discord.js';
import { isServerAdmin, pluginContext, respond } from 'mellow';
import { NOT_ADMIN, type SettingsInput, changeSettings, optOutReply } from '../lib/settingsReplies';

const em = () => pluginContext('coping').em();
const ON_OFF = [
  { name: 'on', value: 'on' },
  { name: 'off', value: 'off' },
];
const onOff = (value: string | null | undefined) => (value === 'on' ? true : value === 'off' ? false : undefined);

/**
 * Crisis detection: server settings (Manage Server, checked here so optout/optin stay open to
 * everyone) and the member's own opt-out.
 */
@ApplyOptions<Subcommand.Options>({
  description: 'Crisis detection settings and your opt-out',
  runIn: ['GUILD_ANY'],
  subcommands: [
    { name: 'settings', chatInputRun: 'chatInputSettings', messageRun: 'messageSettings' },
    { name: 'optout', chatInputRun: 'chatInputOptOut', messageRun: 'messageOptOut' },
    { name: 'optin', chatInputRun: 'chatInputOptIn', messageRun: 'messageOptIn' },
  ],
})
export class CopingCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .addSubcommand((sub) =>
          sub
            .setName('settings')
            .setDescription('Show or change crisis detection for this server (Manage Server)')
            .addStringOption((option) =>
              option
                .setName('detection')
                .setDescription('Check messages for signs of crisis')
                .addChoices(...ON_OFF),
            )
            .addChannelOption((option) =>
              option
                .setName('alert-channel')
                .setDescription('Where moderators get high and critical alerts')
                .addChannelTypes(ChannelType.GuildText),
            )
            .addStringOption((option) =>
              option
                .setName('country')
                .setDescription('Country code for crisis lines, such as GB or US')
                .setMaxLength(40),
            )
            .addStringOption((option) =>
              option
                .setName('keep-text')
                .setDescription('Keep the message text (encrypted) in crisis events (default off)')
                .addChoices(...ON_OFF),
            ),
        )
        .addSubcommand((sub) => sub.setName('optout').setDescription('Stop crisis detection for your messages'))
        .addSubcommand((sub) => sub.setName('optin').setDescription('Allow crisis detection for your messages again')),
    );
  }

  public async chatInputSettings(interaction: Subcommand.ChatInputCommandInteraction<'cached'>) {
    if (!isServerAdmin(interaction.user.id, interaction.memberPermissions)) return respond(interaction, NOT_ADMIN);
    const channel = interaction.options.getChannel('alert-channel') as GuildBasedChannel | null;
    const input: SettingsInput = {
      detection: onOff(interaction.options.getString('detection')),
      ...(channel ? { alertChannel: channel } : {}),
      country: interaction.options.getString('country') ?? undefined,
      keepText: onOff(interaction.options.getString('keep-text')),
    };
    return respond(interaction, await changeSettings(em(), interaction.guildId, interaction.user.id, input));
  }

  public async chatInputOptOut(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(interaction, await optOutReply(em(), interaction.user.id, true));
  }

  public async chatInputOptIn(interaction: Subcommand.ChatInputCommandInteraction) {
    await respond(interaction, await optOutReply(em(), interaction.user.id, false));
  }

  /** `!coping settings detection on`, `… alert-channel #mods`, `… alert-channel none`, `… country GB`, `… keep-text off`. */
  public async messageSettings(message: Message<true>, args: Args) {
    if (!isServerAdmin(message.author.id, message.member?.permissions)) return respond(message, NOT_ADMIN);
    const key = (await args.pick('string').catch(() => '')).toLowerCase();
    const input: SettingsInput = {};
    if (key === 'detection' || key === 'keep-text') {
      const value = onOff((await args.pick('string').catch(() => '')).toLowerCase());
      if (value === undefined) return respond(message, usage(`\`${key}\` takes on or off.`));
      input[key === 'detection' ? 'detection' : 'keepText'] = value;
    } else if (key === 'alert-channel') {
      const none = await args
        .pick('string')
        .then((word) => word === 'none')
        .catch(() => false);
      const channel = none ? null : await args.pick('guildTextChannel').catch(() => undefined);
      if (channel === undefined) return respond(message, usage('Mention a text channel, or say `none`.'));
      input.alertChannel = channel;
    } else if (key === 'country') {
      input.country = await args.pick('string').catch(() => '');
    } else if (key) {
      return respond(message, usage(`I don't know the setting \`${key.slice(0, 30)}\`.`));
    }
    return respond(message, await changeSettings(em(), message.guildId, message.author.id, input));
  }

  public async messageOptOut(message: Message) {
    await respond(message, await optOutReply(em(), message.author.id, true));
  }

  public async messageOptIn(message: Message) {
    await respond(message, await optOutReply(em(), message.author.id, false));
  }
}

const usage = (problem: string) => ({
  outcome: 'error' as const,
  title: 'How to change a setting',
  description: `${problem}\nFor example: \`!coping settings detection on\`, \`!coping settings alert-channel #mods\`, \`!coping settings country GB\`, \`!coping settings keep-text off\`. Nothing was changed.`,
});
