import {
  ChannelType,
  type SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
} from 'discord.js';
import { MAX_POST_ID } from './queue';

export const accountOption = (option: SlashCommandStringOption) =>
  option
    .setName('account')
    .setDescription('Which X account (default: this server’s)')
    .addChoices({ name: 'this server’s account', value: 'guild' }, { name: 'the bot-wide account', value: 'bot' });

const postIdOption = (option: SlashCommandIntegerOption) =>
  option.setName('id').setDescription('The post number').setRequired(true).setMinValue(1).setMaxValue(MAX_POST_ID);

const termOption = (option: SlashCommandStringOption) =>
  option.setName('term').setDescription('Word or phrase').setRequired(true).setMaxLength(60);

const kindOption = (option: SlashCommandStringOption, description: string) =>
  option
    .setName('kind')
    .setDescription(description)
    .setRequired(true)
    .addChoices({ name: 'daily tip', value: 'tip' }, { name: 'weekly update', value: 'update' });

/** `/twitter` with its subcommands and options. */
export const twitterCommandData = (builder: SlashCommandBuilder, name: string, description: string) =>
  builder
    .setName(name)
    .setDescription(description)
    .setDMPermission(false)
    .addSubcommand((sub) => sub.setName('status').setDescription('The account, limits, next post and last error'))
    .addSubcommand((sub) => sub.setName('test').setDescription('Check the connection to X and explain what is wrong'))
    .addSubcommand((sub) =>
      sub
        .setName('post')
        .setDescription('Preview a post, then post it')
        .addStringOption((o) => o.setName('text').setDescription('What to post').setRequired(true).setMaxLength(1000))
        .addAttachmentOption((o) => o.setName('image').setDescription('A PNG, JPEG, GIF or WebP image (up to 5 MB)'))
        .addStringOption(accountOption),
    )
    .addSubcommand((sub) =>
      sub
        .setName('schedule')
        .setDescription('Queue a post for later')
        .addStringOption((o) => o.setName('text').setDescription('What to post').setRequired(true).setMaxLength(1000))
        .addStringOption((o) =>
          o
            .setName('when')
            .setDescription('For example "tomorrow 9am" or "in 2 hours"')
            .setRequired(true)
            .setMaxLength(200),
        )
        .addStringOption(accountOption),
    )
    .addSubcommandGroup((group) =>
      group
        .setName('queue')
        .setDescription('Queued posts')
        .addSubcommand((sub) => sub.setName('list').setDescription('Show the queue'))
        .addSubcommand((sub) =>
          sub.setName('remove').setDescription('Remove a queued post').addIntegerOption(postIdOption),
        )
        .addSubcommand((sub) =>
          sub.setName('edit').setDescription('Change a queued post’s text or time').addIntegerOption(postIdOption),
        ),
    )
    .addSubcommand((sub) => sub.setName('connect').setDescription('Connect this server’s X account (admins)'))
    .addSubcommand((sub) => sub.setName('disconnect').setDescription('Forget this server’s X account (admins)'))
    .addSubcommand((sub) =>
      sub
        .setName('settings')
        .setDescription('Show or change the posting rules (admins)')
        .addBooleanOption((o) => o.setName('approval').setDescription('Every post needs an approver'))
        .addChannelOption((o) =>
          o
            .setName('review-channel')
            .setDescription('Where approvers review posts')
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        )
        .addRoleOption((o) => o.setName('approver-role').setDescription('Who may approve (default: Manage Server)'))
        .addIntegerOption((o) =>
          o
            .setName('daily-cap')
            .setDescription('Posts per 24 hours for this server’s account')
            .setMinValue(1)
            .setMaxValue(2400),
        )
        .addIntegerOption((o) =>
          o.setName('min-interval').setDescription('Minutes between posts').setMinValue(0).setMaxValue(1440),
        )
        .addStringOption((o) =>
          o.setName('timezone').setDescription('Time zone for schedules').setAutocomplete(true).setMaxLength(64),
        ),
    )
    .addSubcommandGroup((group) =>
      group
        .setName('blocked')
        .setDescription('Words and phrases posts may not contain (admins)')
        .addSubcommand((sub) => sub.setName('add').setDescription('Block a word or phrase').addStringOption(termOption))
        .addSubcommand((sub) =>
          sub.setName('remove').setDescription('Unblock a word or phrase').addStringOption(termOption),
        )
        .addSubcommand((sub) => sub.setName('list').setDescription('Show the blocked terms')),
    )
    .addSubcommandGroup((group) =>
      group
        .setName('recurring')
        .setDescription('A daily tip or weekly update from the content library (admins)')
        .addSubcommand((sub) =>
          sub
            .setName('set')
            .setDescription('Post recurring content')
            .addStringOption((o) => kindOption(o, 'What to post'))
            .addStringOption((o) =>
              o.setName('when').setDescription('For example "every day at 9am"').setRequired(true).setMaxLength(200),
            )
            .addStringOption(accountOption),
        )
        .addSubcommand((sub) =>
          sub
            .setName('off')
            .setDescription('Stop recurring content')
            .addStringOption((o) => kindOption(o, 'Which')),
        ),
    );
