import { join } from 'node:path';
import { definePlugin } from 'mellow';
import { SupportTicket } from './entities/SupportTicket';
import { TicketOutbox } from './entities/TicketOutbox';
import { configSchema, type GuilddebugConfig } from './lib/config';
import { deliverPendingTickets } from './lib/tickets/delivery';
import { deleteTicketData, exportTicketData } from './lib/tickets/userData';

export default definePlugin<GuilddebugConfig>({
  name: 'guilddebug',
  version: '1.0.0',
  description: 'Diagnostics, settings and logs for server admins; support tickets routed to the support server',
  core: '^0.1.0',
  entities: [SupportTicket, TicketOutbox],
  migrations: join(__dirname, 'migrations'),
  config: configSchema,
  // Posting tickets, their threads and snapshots; invites for join-guild.
  permissions: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
  dataCollected:
    'support tickets you open (summary, details, contact) and ticket messages waiting to be delivered to or from you',
  hooks: {
    // Tickets that could not reach the support server (none configured, Discord down) go out now.
    reconcile: () => deliverPendingTickets(),
    exportUserData: (userId, context) => exportTicketData(context.em(), userId),
    deleteUserData: (userId, context) => deleteTicketData(context.em(), userId),
    describeGuild: (guildId, context) => ({
      settings: {
        'support server configured': context.config.supportGuildId !== null && context.config.supportChannelId !== null,
        'requests per user': `1 per ${context.config.userCooldownMinutes} min`,
        'requests per server per day': context.config.guildDailyLimit || 'unlimited',
      },
      channels:
        guildId === context.config.supportGuildId
          ? [
              {
                label: 'support channel',
                channelId: context.config.supportChannelId,
                permissions: [
                  'ViewChannel',
                  'SendMessages',
                  'EmbedLinks',
                  'AttachFiles',
                  'CreatePublicThreads',
                  'SendMessagesInThreads',
                  'ReadMessageHistory',
                ],
              },
            ]
          : [],
    }),
  },
});
