import { LogLevel, SapphireClient } from '@sapphire/framework';
import { type ClientOptions, GatewayIntentBits, Partials } from 'discord.js';
import { BENCH_CLIENT_OPTIONS } from '../targets/clientOptions';
import { serveProbe } from '../targets/probe';

/**
 * A bare SapphireClient: the same intents, partials, mentions policy and REST settings as
 * MellowClient (src/client.ts), with nothing of Mellow's own (no plugins, database, scheduler,
 * metrics or system log). Its only piece is commands/ping.ts.
 */
serveProbe();

const options = {
  intents: [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.MessageContent,
    GatewayIntentBits.DirectMessages,
  ],
  partials: [Partials.Channel],
  baseUserDirectory: __dirname,
  loadMessageCommandListeners: true,
  defaultPrefix: '!',
  allowedMentions: { parse: [], repliedUser: false },
  logger: { level: LogLevel.Error },
  waitGuildTimeout: BENCH_CLIENT_OPTIONS.waitGuildTimeout,
  rest: { ...(process.env.DISCORD_API_URL ? { api: process.env.DISCORD_API_URL } : {}), ...BENCH_CLIENT_OPTIONS.rest },
} satisfies Omit<ClientOptions, 'tasks'>;

// `tasks` is required only by the type augmentation of @sapphire/plugin-scheduled-tasks, which the
// rest of this TypeScript program registers. The bare bot does not load that plugin.
const client = new SapphireClient(options as unknown as ClientOptions);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void client.destroy().finally(() => process.exit(0));
  });
}

client.login(process.env.DISCORD_TOKEN).catch((error: unknown) => {
  console.error('The bare bot could not start:', error);
  process.exit(1);
});
