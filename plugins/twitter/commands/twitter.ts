import { ApplyOptions } from '@sapphire/decorators';
import { Subcommand } from '@sapphire/plugin-subcommands';
import {
  ActionRowBuilder,
  type AutocompleteInteraction,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  type Message,
  type SlashCommandStringOption,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { type ReplyContent, respond } from 'mellow';
import { searchZones } from '../../../src/lib/time';
import { type ImageType, type PostAccount, imageTypes } from '../entities/TwitterPost';
import type { RecurringKind } from '../entities/TwitterRecurring';
import { type Actor, actorOf, isAdmin } from '../lib/access';
import { disconnect, startConnect } from '../lib/accounts';
import { addBlockedTerm, changeSettings, listBlockedTerms, removeBlockedTerm } from '../lib/admin';
import { previewReply, submitReply } from '../lib/compose';
import { twitterContext } from '../lib/config';
import { createDraft, submit } from '../lib/posts';
import { currentQueued, listQueue, removeFromQueue } from '../lib/queue';
import { clearRecurring, setRecurring } from '../lib/recurring';
import { settingsOf } from '../lib/settings';
import { connectionTest, statusReport } from '../lib/status';
import { scheduleTime } from '../lib/when';
import { explainFailure } from '../lib/views';
import { XFailure } from '../lib/x/failure';

type Interaction = Subcommand.ChatInputCommandInteraction;

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const adminOnly: ReplyContent = {
  outcome: 'error',
  title: 'Only server admins can do this',
  description: 'It needs the **Manage Server** permission.',
};

const accountOption = (option: SlashCommandStringOption) =>
  option
    .setName('account')
    .setDescription('Which X account (default: this server’s)')
    .addChoices({ name: 'this server’s account', value: 'guild' }, { name: 'the bot-wide account', value: 'bot' });

@ApplyOptions<Subcommand.Options>({
  description: 'Post to X (Twitter) from Discord',
  runIn: ['GUILD_ANY'],
  subcommands: [
    { name: 'status', chatInputRun: 'chatInputStatus', messageRun: 'messageStatus', default: true },
    { name: 'test', chatInputRun: 'chatInputTest', messageRun: 'messageTest' },
    { name: 'post', chatInputRun: 'chatInputPost' },
    { name: 'schedule', chatInputRun: 'chatInputSchedule' },
    {
      name: 'queue',
      type: 'group',
      entries: [
        { name: 'list', chatInputRun: 'chatInputQueueList' },
        { name: 'remove', chatInputRun: 'chatInputQueueRemove' },
        { name: 'edit', chatInputRun: 'chatInputQueueEdit' },
      ],
    },
    { name: 'connect', chatInputRun: 'chatInputConnect' },
    { name: 'disconnect', chatInputRun: 'chatInputDisconnect' },
    { name: 'settings', chatInputRun: 'chatInputSettings' },
    {
      name: 'blocked',
      type: 'group',
      entries: [
        { name: 'add', chatInputRun: 'chatInputBlockedAdd' },
        { name: 'remove', chatInputRun: 'chatInputBlockedRemove' },
        { name: 'list', chatInputRun: 'chatInputBlockedList' },
      ],
    },
    {
      name: 'recurring',
      type: 'group',
      entries: [
        { name: 'set', chatInputRun: 'chatInputRecurringSet' },
        { name: 'off', chatInputRun: 'chatInputRecurringOff' },
      ],
    },
  ],
})
export class TwitterCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .setDMPermission(false)
        .addSubcommand((sub) => sub.setName('status').setDescription('The account, limits, next post and last error'))
        .addSubcommand((sub) =>
          sub.setName('test').setDescription('Check the connection to X and explain what is wrong'),
        )
        .addSubcommand((sub) =>
          sub
            .setName('post')
            .setDescription('Preview a post, then post it')
            .addStringOption((o) =>
              o.setName('text').setDescription('What to post').setRequired(true).setMaxLength(1000),
            )
            .addAttachmentOption((o) =>
              o.setName('image').setDescription('A PNG, JPEG, GIF or WebP image (up to 5 MB)'),
            )
            .addStringOption(accountOption),
        )
        .addSubcommand((sub) =>
          sub
            .setName('schedule')
            .setDescription('Queue a post for later')
            .addStringOption((o) =>
              o.setName('text').setDescription('What to post').setRequired(true).setMaxLength(1000),
            )
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
              sub
                .setName('remove')
                .setDescription('Remove a queued post')
                .addIntegerOption((o) =>
                  o.setName('id').setDescription('The post number').setRequired(true).setMinValue(1),
                ),
            )
            .addSubcommand((sub) =>
              sub
                .setName('edit')
                .setDescription('Change a queued post’s text or time')
                .addIntegerOption((o) =>
                  o.setName('id').setDescription('The post number').setRequired(true).setMinValue(1),
                ),
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
            .addSubcommand((sub) =>
              sub
                .setName('add')
                .setDescription('Block a word or phrase')
                .addStringOption((o) =>
                  o.setName('term').setDescription('Word or phrase').setRequired(true).setMaxLength(60),
                ),
            )
            .addSubcommand((sub) =>
              sub
                .setName('remove')
                .setDescription('Unblock a word or phrase')
                .addStringOption((o) =>
                  o.setName('term').setDescription('Word or phrase').setRequired(true).setMaxLength(60),
                ),
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
                .addStringOption((o) =>
                  o
                    .setName('kind')
                    .setDescription('What to post')
                    .setRequired(true)
                    .addChoices({ name: 'daily tip', value: 'tip' }, { name: 'weekly update', value: 'update' }),
                )
                .addStringOption((o) =>
                  o
                    .setName('when')
                    .setDescription('For example "every day at 9am"')
                    .setRequired(true)
                    .setMaxLength(200),
                )
                .addStringOption(accountOption),
            )
            .addSubcommand((sub) =>
              sub
                .setName('off')
                .setDescription('Stop recurring content')
                .addStringOption((o) =>
                  o
                    .setName('kind')
                    .setDescription('Which')
                    .setRequired(true)
                    .addChoices({ name: 'daily tip', value: 'tip' }, { name: 'weekly update', value: 'update' }),
                ),
            ),
        ),
    );
  }

  public override async autocompleteRun(interaction: AutocompleteInteraction) {
    const typed = String(interaction.options.getFocused());
    await interaction.respond(searchZones(typed, 25).map((zone) => ({ name: zone, value: zone })));
  }

  public async chatInputStatus(interaction: Interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await respond(interaction, await statusReport(em(), interaction.guildId!, actorOf(interaction)));
  }

  public async messageStatus(message: Message<true>) {
    await respond(message, await statusReport(em(), message.guildId, messageActor(message)));
  }

  public async chatInputTest(interaction: Interaction) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await respond(interaction, await connectionTest(em(), interaction.guildId!, actorOf(interaction)));
  }

  public async messageTest(message: Message<true>) {
    await respond(message, await connectionTest(em(), message.guildId, messageActor(message)));
  }

  public async chatInputPost(interaction: Interaction) {
    const attachment = interaction.options.getAttachment('image');
    if (
      attachment &&
      (!imageTypes.includes(attachment.contentType as ImageType) || attachment.size > MAX_IMAGE_BYTES)
    ) {
      return respond(interaction, {
        outcome: 'error',
        title: 'That image can’t be posted',
        description: 'Attach a PNG, JPEG, GIF or WebP image of at most 5 MB.',
      });
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const image = attachment
      ? {
          data: Buffer.from(await (await fetch(attachment.url)).arrayBuffer()),
          type: attachment.contentType as ImageType,
        }
      : null;
    const draft = await createDraft(em(), actorOf(interaction), {
      guildId: interaction.guildId!,
      channelId: interaction.channelId,
      text: interaction.options.getString('text', true),
      account: (interaction.options.getString('account') as PostAccount | null) ?? undefined,
      image,
    });
    return respond(
      interaction,
      draft.ok ? previewReply(draft) : { outcome: 'error', title: draft.title, description: draft.problem },
    );
  }

  public async chatInputSchedule(interaction: Interaction) {
    const guildId = interaction.guildId!;
    const when = scheduleTime(interaction.options.getString('when', true), (await settingsOf(em(), guildId)).timeZone);
    if (!when.ok)
      return respond(interaction, { outcome: 'error', title: 'I couldn’t read that time', description: when.error });
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const draft = await createDraft(em(), actorOf(interaction), {
      guildId,
      channelId: interaction.channelId,
      text: interaction.options.getString('text', true),
      account: (interaction.options.getString('account') as PostAccount | null) ?? undefined,
      scheduledFor: when.at,
    });
    if (!draft.ok) return respond(interaction, { outcome: 'error', title: draft.title, description: draft.problem });
    return respond(interaction, submitReply(await submit(em(), draft.post.id, draft.account)));
  }

  public async chatInputQueueList(interaction: Interaction) {
    await respond(interaction, await listQueue(em(), interaction.guildId!));
  }

  public async chatInputQueueRemove(interaction: Interaction) {
    const id = interaction.options.getInteger('id', true);
    await respond(interaction, await removeFromQueue(em(), interaction.guildId!, id, actorOf(interaction)));
  }

  public async chatInputQueueEdit(interaction: Interaction) {
    const id = interaction.options.getInteger('id', true);
    const found = await currentQueued(em(), interaction.guildId!, id, actorOf(interaction));
    if ('error' in found)
      return respond(interaction, { outcome: 'error', title: 'Can’t edit that post', description: found.error });
    const text = new TextInputBuilder()
      .setCustomId('text')
      .setLabel('Text')
      .setStyle(TextInputStyle.Paragraph)
      .setMaxLength(1000)
      .setValue(found.post.text);
    const when = new TextInputBuilder()
      .setCustomId('when')
      .setLabel('New time (leave empty to keep it)')
      .setStyle(TextInputStyle.Short)
      .setRequired(false)
      .setMaxLength(200)
      .setPlaceholder('tomorrow 9am');
    return interaction.showModal(
      new ModalBuilder()
        .setCustomId(`twitter.edit:${id}`)
        .setTitle(`Edit post #${id}`)
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(text),
          new ActionRowBuilder<TextInputBuilder>().addComponents(when),
        ),
    );
  }

  public async chatInputConnect(interaction: Interaction) {
    if (!isAdmin(actorOf(interaction))) return respond(interaction, adminOnly);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let url: string;
    try {
      url = await startConnect(em(), interaction.guildId!, interaction.user.id);
    } catch (error) {
      if (!(error instanceof XFailure)) throw error;
      return respond(interaction, {
        outcome: 'error',
        title: 'Could not start the connection',
        description: explainFailure(error),
      });
    }
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setStyle(ButtonStyle.Link).setURL(url).setLabel('1. Authorize on X'),
      new ButtonBuilder().setCustomId('twitter.pin').setStyle(ButtonStyle.Primary).setLabel('2. Enter the PIN'),
    );
    return respond(interaction, {
      outcome: 'info',
      title: 'Connect an X account',
      description:
        'Open the link while logged in to the X account this server should post as, and authorize the app. X then shows a PIN: press **Enter the PIN** and type it. The link works for 15 minutes.',
      extra: { components: [row] },
    });
  }

  public async chatInputDisconnect(interaction: Interaction) {
    if (!isAdmin(actorOf(interaction))) return respond(interaction, adminOnly);
    const username = await disconnect(em(), interaction.guildId!);
    return respond(
      interaction,
      username
        ? {
            outcome: 'success',
            title: `Disconnected @${username}`,
            description:
              'Its tokens are deleted. Queued posts for this server’s account will fail until an account is connected again. To revoke the app’s access on X too, see Settings → Security → Connected apps.',
          }
        : { outcome: 'info', title: 'No X account was connected' },
    );
  }

  public async chatInputSettings(interaction: Interaction) {
    if (!isAdmin(actorOf(interaction))) return respond(interaction, adminOnly);
    const { options } = interaction;
    return respond(
      interaction,
      await changeSettings(em(), interaction.guildId!, {
        approval: options.getBoolean('approval') ?? undefined,
        reviewChannelId: options.getChannel('review-channel')?.id ?? undefined,
        approverRoleId: options.getRole('approver-role')?.id ?? undefined,
        dailyCap: options.getInteger('daily-cap') ?? undefined,
        minIntervalMinutes: options.getInteger('min-interval') ?? undefined,
        timeZone: options.getString('timezone') ?? undefined,
      }),
    );
  }

  public async chatInputBlockedAdd(interaction: Interaction) {
    if (!isAdmin(actorOf(interaction))) return respond(interaction, adminOnly);
    return respond(
      interaction,
      await addBlockedTerm(em(), interaction.guildId!, interaction.options.getString('term', true)),
    );
  }

  public async chatInputBlockedRemove(interaction: Interaction) {
    if (!isAdmin(actorOf(interaction))) return respond(interaction, adminOnly);
    return respond(
      interaction,
      await removeBlockedTerm(em(), interaction.guildId!, interaction.options.getString('term', true)),
    );
  }

  public async chatInputBlockedList(interaction: Interaction) {
    if (!isAdmin(actorOf(interaction))) return respond(interaction, adminOnly);
    return respond(interaction, await listBlockedTerms(em(), interaction.guildId!));
  }

  public async chatInputRecurringSet(interaction: Interaction) {
    const actor = actorOf(interaction);
    if (!isAdmin(actor)) return respond(interaction, adminOnly);
    const kind = interaction.options.getString('kind', true) as RecurringKind;
    const result = await setRecurring(
      em(),
      actor,
      interaction.guildId!,
      kind,
      interaction.options.getString('when', true),
      (interaction.options.getString('account') as PostAccount | null) ?? undefined,
    );
    if (!result.ok) return respond(interaction, { outcome: 'error', title: result.title, description: result.problem });
    return respond(interaction, recurringSetReply(result.recurring, result.account));
  }

  public async chatInputRecurringOff(interaction: Interaction) {
    if (!isAdmin(actorOf(interaction))) return respond(interaction, adminOnly);
    const kind = interaction.options.getString('kind', true) as RecurringKind;
    const removed = await clearRecurring(em(), interaction.guildId!, kind);
    return respond(interaction, {
      outcome: removed ? 'success' : 'info',
      title: removed ? `Stopped the ${kind === 'tip' ? 'daily tip' : 'weekly update'}` : 'Nothing to stop',
    });
  }
}

const em = () => twitterContext().em();

const messageActor = (message: Message<true>): Actor => ({
  userId: message.author.id,
  member: message.member,
  memberPermissions: message.member?.permissions ?? null,
});

function recurringSetReply(
  recurring: { kind: RecurringKind; description: string; nextAt: Date },
  account: string,
): ReplyContent {
  const seconds = Math.floor(recurring.nextAt.getTime() / 1000);
  return {
    outcome: 'success',
    title: recurring.kind === 'tip' ? 'Daily tip set' : 'Weekly update set',
    description: `Posting ${recurring.description} with ${account}. First one <t:${seconds}:F> (<t:${seconds}:R>). Each post goes through the same review and limits as any other.`,
  };
}
