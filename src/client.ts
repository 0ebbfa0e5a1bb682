import '@sapphire/plugin-scheduled-tasks/register';
import '@sapphire/plugin-subcommands/register';
import { resolve } from 'node:path';
import { SapphireClient } from '@sapphire/framework';
import { type ClientOptions, GatewayIntentBits, Partials } from 'discord.js';
import type { MellowServices } from './lib/container';
import { logger } from './lib/logging/logger';
import { SapphireLogger } from './lib/logging/SapphireLogger';
import { codeRoot } from './lib/paths';
import { installStoreHooks } from './lib/plugins/storeHooks';
import { redisOptionsFromUrl } from './lib/scheduler/redisOptions';

/** Options tests and benchmarks may add, such as a faster REST limit against the emulator. */
export type ClientOverrides = Partial<Pick<ClientOptions, 'rest' | 'waitGuildTimeout' | 'ws'>>;

/** The Sapphire client, wired to Mellow's plugins, settings and scheduler. One per process. */
export class MellowClient extends SapphireClient {
  public constructor(
    private readonly services: MellowServices,
    overrides: ClientOverrides = {},
  ) {
    const { config } = services;
    super({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
        GatewayIntentBits.DirectMessages,
      ],
      partials: [Partials.Channel],
      baseUserDirectory: resolve(codeRoot, 'src'),
      loadMessageCommandListeners: true,
      defaultPrefix: config.messagePrefix,
      fetchPrefix: (message) => services.settings.prefixFor(message.guildId),
      // No reply may ping anyone unless a piece says so explicitly.
      allowedMentions: { parse: [], repliedUser: false },
      logger: { instance: new SapphireLogger(() => logger) },
      // The plugin's own error listeners log a stack every half second while Redis is down; ours don't.
      loadScheduledTaskErrorListeners: false,
      // Ours (src/listeners/subcommands) also answer the user and log once, with a reference id.
      loadSubcommandErrorListeners: false,
      tasks: {
        bull: {
          connection: { ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: null },
          // Postgres holds the truth, so finished jobs are noise; keep a few failures for debugging.
          defaultJobOptions: { removeOnComplete: true, removeOnFail: 1000 },
        },
        queue: `${config.redisPrefix}-tasks`,
      },
      ...(overrides.waitGuildTimeout === undefined ? {} : { waitGuildTimeout: overrides.waitGuildTimeout }),
      ...(overrides.ws === undefined ? {} : { ws: overrides.ws }),
      rest: { ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}), ...overrides.rest },
    });
  }

  public override async login(token?: string): Promise<string> {
    // Every store exists by now (scheduled-tasks registers in the constructor), so the hook sees all pieces.
    installStoreHooks(this.stores, this.services.plugins, this.services.gate, this.services.guildCommands);
    for (const plugin of this.services.plugins.active) this.stores.registerPath(plugin.dir);
    return super.login(token);
  }
}
