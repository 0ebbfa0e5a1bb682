import { ApplyOptions } from '@sapphire/decorators';
import type { Args } from '@sapphire/framework';
import { Subcommand } from '@sapphire/plugin-subcommands';
import {
  type AutocompleteInteraction,
  InteractionContextType,
  type Message,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import { respond, type ReplyContent } from 'mellow';
import { actorOf, authorize } from '../lib/access';
import {
  databaseAction,
  diagnosticsAction,
  joinGuildAction,
  logsAction,
  replyAction,
  settingsAction,
  ticketsAction,
} from '../lib/actions';
import { type LogSeverity, type LogType, logSeverities, logTypes, MAX_LIMIT } from '../lib/logs';
import { answerMessage } from '../lib/privateReply';
import { requestRefusal, supportModal } from '../lib/tickets/requestSupport';
import { ticketChoices } from '../lib/tickets/ticketChoices';

type Interaction = Subcommand.ChatInputCommandInteraction;

const actorOfInteraction = (i: Interaction | AutocompleteInteraction) =>
  actorOf(i.user.id, i.guildId!, i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
const actorOfMessage = (m: Message) =>
  actorOf(m.author.id, m.guildId!, m.member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false);
const word = (args: Args) => args.pick('string').catch(() => null);

@ApplyOptions<Subcommand.Options>({
  description: 'Diagnostics, settings, logs and support tickets for this server',
  runIn: ['GUILD_ANY'],
  subcommands: [
    { name: 'diagnostics', chatInputRun: 'chatInputDiagnostics', messageRun: 'messageDiagnostics', default: true },
    { name: 'settings', chatInputRun: 'chatInputSettings', messageRun: 'messageSettings' },
    { name: 'logs', chatInputRun: 'chatInputLogs', messageRun: 'messageLogs' },
    { name: 'database', chatInputRun: 'chatInputDatabase', messageRun: 'messageDatabase' },
    { name: 'request-support', chatInputRun: 'chatInputRequestSupport', messageRun: 'messageRequestSupport' },
    { name: 'reply', chatInputRun: 'chatInputReply', messageRun: 'messageReply' },
    { name: 'tickets', chatInputRun: 'chatInputTickets', messageRun: 'messageTickets' },
    { name: 'join-guild', chatInputRun: 'chatInputJoinGuild', messageRun: 'messageJoinGuild' },
  ],
})
export class GuilddebugCommand extends Subcommand {
  public override registerApplicationCommands(registry: Subcommand.Registry) {
    registry.registerChatInputCommand((builder) =>
      builder
        .setName(this.name)
        .setDescription(this.description)
        .setContexts(InteractionContextType.Guild)
        .addSubcommand((sub) =>
          sub
            .setName('diagnostics')
            .setDescription('This server’s health: plugins, permissions, channels, errors, latency')
            .addStringOption((o) => o.setName('guild-id').setDescription('Staff only: another server')),
        )
        .addSubcommand((sub) =>
          sub
            .setName('settings')
            .setDescription('Every core and plugin setting of this server')
            .addStringOption((o) => o.setName('guild-id').setDescription('Staff only: another server')),
        )
        .addSubcommand((sub) =>
          sub
            .setName('logs')
            .setDescription('This server’s system log, with paging')
            .addStringOption((o) =>
              o
                .setName('type')
                .setDescription('Which events (default all)')
                .addChoices(logTypes.map((value) => ({ name: value, value }))),
            )
            .addStringOption((o) =>
              o
                .setName('severity')
                .setDescription('This severity and worse (default all)')
                .addChoices(logSeverities.map((value) => ({ name: value, value }))),
            )
            .addStringOption((o) =>
              o.setName('since').setDescription('For example 24h, 7d or yesterday').setMaxLength(50),
            )
            .addIntegerOption((o) =>
              o.setName('limit').setDescription('Entries per page (default 10)').setMinValue(1).setMaxValue(MAX_LIMIT),
            )
            .addStringOption((o) => o.setName('guild-id').setDescription('Staff only: another server')),
        )
        .addSubcommand((sub) =>
          sub.setName('database').setDescription('Staff only: rows, pool, size and migrations of the database'),
        )
        .addSubcommand((sub) => sub.setName('request-support').setDescription('Ask Mellow’s support team for help'))
        .addSubcommand((sub) =>
          sub
            .setName('reply')
            .setDescription('Add to one of your support tickets')
            .addIntegerOption((o) =>
              o
                .setName('ticket')
                .setDescription('The ticket number')
                .setRequired(true)
                .setMinValue(1)
                .setAutocomplete(true),
            )
            .addStringOption((o) =>
              o.setName('message').setDescription('What to tell support').setRequired(true).setMaxLength(1500),
            ),
        )
        .addSubcommand((sub) =>
          sub
            .setName('tickets')
            .setDescription('This server’s support tickets')
            .addStringOption((o) => o.setName('guild-id').setDescription('Staff only: another server')),
        )
        .addSubcommand((sub) =>
          sub
            .setName('join-guild')
            .setDescription('Staff only: a one-use invite to a server that consented in an open ticket')
            .addStringOption((o) => o.setName('guild-id').setDescription('The server id').setRequired(true)),
        ),
    );
  }

  public override async autocompleteRun(interaction: AutocompleteInteraction) {
    await interaction.respond(await ticketChoices(actorOfInteraction(interaction), interaction.options.getFocused()));
  }

  public async chatInputDiagnostics(i: Interaction) {
    await this.privately(i, () => diagnosticsAction(actorOfInteraction(i), i.options.getString('guild-id')));
  }

  public async chatInputSettings(i: Interaction) {
    await this.privately(i, () => settingsAction(actorOfInteraction(i), i.options.getString('guild-id')));
  }

  public async chatInputLogs(i: Interaction) {
    await this.privately(i, () =>
      logsAction(actorOfInteraction(i), {
        guildId: i.options.getString('guild-id'),
        type: (i.options.getString('type') ?? 'all') as LogType,
        severity: (i.options.getString('severity') ?? 'all') as LogSeverity,
        since: i.options.getString('since'),
        limit: i.options.getInteger('limit'),
      }),
    );
  }

  public async chatInputDatabase(i: Interaction) {
    await this.privately(i, () => databaseAction(actorOfInteraction(i)));
  }

  public async chatInputRequestSupport(i: Interaction) {
    const actor = actorOfInteraction(i);
    const refusal = authorize('request-support', actor) ?? (await requestRefusal(actor.guildId, actor.userId));
    if (refusal) return respond(i, refusal);
    return i.showModal(supportModal(actor.managesServer));
  }

  public async chatInputReply(i: Interaction) {
    await this.privately(i, () =>
      replyAction(actorOfInteraction(i), i.options.getInteger('ticket', true), i.options.getString('message', true)),
    );
  }

  public async chatInputTickets(i: Interaction) {
    await this.privately(i, () => ticketsAction(actorOfInteraction(i), i.options.getString('guild-id')));
  }

  public async chatInputJoinGuild(i: Interaction) {
    await this.privately(i, () => joinGuildAction(actorOfInteraction(i), i.options.getString('guild-id', true)));
  }

  public async messageDiagnostics(m: Message, args: Args) {
    await answerMessage(m, await diagnosticsAction(actorOfMessage(m), await word(args)));
  }

  public async messageSettings(m: Message, args: Args) {
    await answerMessage(m, await settingsAction(actorOfMessage(m), await word(args)));
  }

  /** `!guilddebug logs [type] [severity]`: the slash command has every filter. */
  public async messageLogs(m: Message, args: Args) {
    const type = (await word(args)) ?? 'all';
    const severity = (await word(args)) ?? 'all';
    if (!(logTypes as readonly string[]).includes(type) || !(logSeverities as readonly string[]).includes(severity)) {
      return respond(m, {
        outcome: 'error',
        title: 'Unknown filter',
        description: `Types: ${logTypes.join(', ')}. Severities: ${logSeverities.join(', ')}. For example \`!guilddebug logs error warning\`.`,
      });
    }
    const options = {
      guildId: null,
      type: type as LogType,
      severity: severity as LogSeverity,
      since: null,
      limit: null,
    };
    return answerMessage(m, await logsAction(actorOfMessage(m), options));
  }

  public async messageDatabase(m: Message) {
    await answerMessage(m, await databaseAction(actorOfMessage(m)));
  }

  public async messageRequestSupport(m: Message) {
    await respond(m, {
      outcome: 'info',
      title: 'Use the slash command',
      description: 'Requests use a form: run `/guilddebug request-support`.',
    });
  }

  public async messageReply(m: Message, args: Args) {
    const ticket = await args.pick('integer').catch(() => 0);
    const text = await args.rest('string').catch(() => '');
    await respond(m, await replyAction(actorOfMessage(m), ticket, text));
  }

  public async messageTickets(m: Message, args: Args) {
    await answerMessage(m, await ticketsAction(actorOfMessage(m), await word(args)));
  }

  public async messageJoinGuild(m: Message, args: Args) {
    await answerMessage(m, await joinGuildAction(actorOfMessage(m), (await word(args)) ?? ''));
  }

  /** Reports take a moment (database, REST): defer privately, then fill in. */
  private async privately(interaction: Interaction, work: () => Promise<ReplyContent>) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await respond(interaction, await work());
  }
}
