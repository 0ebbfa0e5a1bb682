import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import { Subcommand } from '@sapphire/plugin-subcommands';
import {
  type AutocompleteInteraction,
  ChannelType,
  type GuildBasedChannel,
  type Message,
  type Role,
  type SlashCommandIntegerOption,
} from 'discord.js';
import { respond } from 'mellow';
import type { ReminderTarget } from '../entities/Reminder';
import type { DeliveryPreference } from '../entities/ReminderUser';
import {
  chooseDelivery,
  deleteReminder,
  editReminder,
  pauseReminder,
  remindChannel,
  remindMe,
  resumeReminder,
  showList,
} from '../lib/actions';
import { reminderChoices } from '../lib/autocomplete';

const WHERE = [
  { name: 'DM (private)', value: 'dm' },
  { name: 'Here (in this channel, pinging only you)', value: 'here' },
];

@ApplyOptions<Subcommand.Options>({
  description: 'Reminders in your time zone: one-off or repeating',
  subcommands: [
    { name: 'me', chatInputRun: 'chatInputMe', messageRun: 'messageMe', default: true },
    { name: 'channel', chatInputRun: 'chatInputChannel', runIn: ['GUILD_ANY'] },
    { name: 'list', chatInputRun: 'chatInputList', messageRun: 'messageList' },
    { name: 'delete', chatInputRun: 'chatInputDelete', messageRun: 'messageDelete' },
    { name: 'edit', chatInputRun: 'chatInputEdit' },
    { name: 'pause', chatInputRun: 'chatInputPause', messageRun: 'messagePause' },
    { name: 'resume', chatInputRun: 'chatInputResume', messageRun: 'messageResume' },
    { name: 'delivery', chatInputRun: 'chatInputDelivery' },
  ],
})
export class RemindCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    const id =
      (required = true) =>
      (option: SlashCommandIntegerOption) =>
        option
          .setName('id')
          .setDescription('Which reminder (type to search yours)')
          .setRequired(required)
          .setAutocomplete(true);
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .addSubcommand((sub) =>
          sub
            .setName('me')
            .setDescription('Remind me of something')
            .addStringOption((o) =>
              o
                .setName('when')
                .setDescription("e.g. 'in 10 minutes', 'friday 18:30', 'every day at 21:00'")
                .setRequired(true),
            )
            .addStringOption((o) => o.setName('what').setDescription('What to remind you of').setRequired(true))
            .addStringOption((o) =>
              o
                .setName('where')
                .setDescription('Where it arrives (default: DM)')
                .addChoices(...WHERE),
            ),
        )
        .addSubcommand((sub) =>
          sub
            .setName('channel')
            .setDescription('Remind a channel (needs Manage Server or Manage Messages)')
            .addChannelOption((o) =>
              o
                .setName('channel')
                .setDescription('Where to post')
                .setRequired(true)
                .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
            )
            .addStringOption((o) =>
              o.setName('when').setDescription("e.g. 'friday 18:00', 'every monday 10:00'").setRequired(true),
            )
            .addStringOption((o) => o.setName('what').setDescription('What to post').setRequired(true))
            .addRoleOption((o) => o.setName('role').setDescription('The one role to ping (never @everyone)')),
        )
        .addSubcommand((sub) => sub.setName('list').setDescription('Your reminders'))
        .addSubcommand((sub) =>
          sub.setName('delete').setDescription('Delete one of your reminders').addIntegerOption(id()),
        )
        .addSubcommand((sub) =>
          sub
            .setName('edit')
            .setDescription('Change when or what')
            .addIntegerOption(id())
            .addStringOption((o) => o.setName('when').setDescription('The new time'))
            .addStringOption((o) => o.setName('what').setDescription('The new text')),
        )
        .addSubcommand((sub) =>
          sub.setName('pause').setDescription('Pause a repeating reminder').addIntegerOption(id()),
        )
        .addSubcommand((sub) => sub.setName('resume').setDescription('Resume a paused reminder').addIntegerOption(id()))
        .addSubcommand((sub) =>
          sub
            .setName('delivery')
            .setDescription('Where your new reminders arrive by default')
            .addStringOption((o) =>
              o
                .setName('where')
                .setDescription('DM or here')
                .setRequired(true)
                .addChoices(...WHERE),
            ),
        ),
    );
  }

  public override async autocompleteRun(interaction: AutocompleteInteraction) {
    await interaction.respond(await reminderChoices(interaction));
  }

  public async chatInputMe(interaction: Subcommand.ChatInputCommandInteraction) {
    const where = interaction.options.getString('where') as ReminderTarget | null;
    await remindMe(interaction, {
      when: interaction.options.getString('when', true),
      what: interaction.options.getString('what', true),
      where,
    });
  }

  public async chatInputChannel(interaction: Subcommand.ChatInputCommandInteraction) {
    await remindChannel(interaction, {
      channel: interaction.options.getChannel('channel', true) as GuildBasedChannel,
      role: interaction.options.getRole('role') as Role | null,
      when: interaction.options.getString('when', true),
      what: interaction.options.getString('what', true),
    });
  }

  public async chatInputList(interaction: Subcommand.ChatInputCommandInteraction) {
    await showList(interaction);
  }

  public async chatInputDelete(interaction: Subcommand.ChatInputCommandInteraction) {
    await deleteReminder(interaction, interaction.options.getInteger('id', true));
  }

  public async chatInputEdit(interaction: Subcommand.ChatInputCommandInteraction) {
    await editReminder(interaction, interaction.options.getInteger('id', true), {
      when: interaction.options.getString('when'),
      what: interaction.options.getString('what'),
    });
  }

  public async chatInputPause(interaction: Subcommand.ChatInputCommandInteraction) {
    await pauseReminder(interaction, interaction.options.getInteger('id', true));
  }

  public async chatInputResume(interaction: Subcommand.ChatInputCommandInteraction) {
    await resumeReminder(interaction, interaction.options.getInteger('id', true));
  }

  public async chatInputDelivery(interaction: Subcommand.ChatInputCommandInteraction) {
    await chooseDelivery(interaction, interaction.options.getString('where', true) as DeliveryPreference);
  }

  /** `!remind [me] <when> to <what>`. */
  public async messageMe(message: Message, args: Args) {
    const text = await args.rest('string').catch(() => '');
    const parts = /^(?:me\s+)?(.+?)\s+(?:to|that|about)\s+([\s\S]+)$/i.exec(text.trim());
    if (!parts) {
      return respond(message, {
        outcome: 'error',
        title: 'When, and what?',
        description:
          'Write it as `!remind <when> to <what>`, for example `!remind in 10 minutes to stretch` or `!remind every day at 21:00 to read`.',
      });
    }
    return remindMe(message, { when: parts[1], what: parts[2] });
  }

  public async messageList(message: Message) {
    await showList(message);
  }

  public async messageDelete(message: Message, args: Args) {
    await deleteReminder(message, await this.pickId(args));
  }

  public async messagePause(message: Message, args: Args) {
    await pauseReminder(message, await this.pickId(args));
  }

  public async messageResume(message: Message, args: Args) {
    await resumeReminder(message, await this.pickId(args));
  }

  private async pickId(args: Args): Promise<number> {
    const raw = await args.pick('string').catch(() => '');
    return Number(raw.replace(/^#/, '')) || -1;
  }
}
