import { randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIUser } from 'discord.js';
import type { Actor, ActorHost, ChannelLike } from './actors';
import { CommandRegistry } from './commands';
import type { EmulatorConfig, EmulatorContext } from './context';
import { GuildsApi, UsersApi } from './directory';
import { FaultInjector } from './faults';
import { Gateway } from './gateway';
import { InteractionService } from './interactions';
import { MessageService } from './messages';
import { userPayload } from './payloads';
import { DEFAULT_BOT_PERMISSIONS } from './permissions';
import { RateLimiter } from './ratelimit';
import { CommandsView, type WaitForMessageOptions, waitForMessage } from './queries';
import { createRouter } from './rest';
import { type RequestLogEntry, RestServer } from './rest/server';
import { EmulatorState } from './state';
import { MessageView } from './views';

export interface EmulatorOptions {
  /** Port on 127.0.0.1 (default 0: a free one). */
  port?: number;
  /** Permissions of the bot's managed role in new guilds. */
  botPermissions?: bigint;
  botName?: string;
  /** The application is owned by a team (with the owner user as its admin member). */
  team?: boolean;
  /** HELLO heartbeat interval (default 41250 ms). */
  heartbeatIntervalMs?: number;
  /** How long actor actions wait for the bot (default 5000 ms). */
  defaultTimeoutMs?: number;
  /** Discord's deadline for the first interaction response (default 3000 ms; null: none). */
  interactionAckTimeoutMs?: number | null;
}

type MutableContext = { -readonly [K in keyof EmulatorContext]: EmulatorContext[K] };

/** A fake Discord (REST + gateway) on 127.0.0.1 for driving a discord.js bot in tests. */
export class DiscordEmulator {
  public readonly users: UsersApi;
  public readonly guilds: GuildsApi;
  public readonly gateway: Gateway;
  public readonly faults = new FaultInjector();
  public readonly commands: CommandsView;
  /** How long actor actions and waitForMessage wait by default. */
  public defaultTimeoutMs: number;
  /** Permissions the bot's role gets in guilds created from now on. */
  public botPermissions: bigint;
  private readonly limiter = new RateLimiter();
  private readonly initialAckTimeoutMs: number | null;
  private readonly rest: RestServer;

  private constructor(
    private readonly server: Server,
    private readonly ctx: EmulatorContext,
    options: EmulatorOptions,
  ) {
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 5000;
    this.botPermissions = options.botPermissions ?? DEFAULT_BOT_PERMISSIONS;
    this.initialAckTimeoutMs = ctx.interactions.ackTimeoutMs;
    this.gateway = new Gateway(() => this.ctx, { heartbeatIntervalMs: options.heartbeatIntervalMs });
    const host: ActorHost = {
      ctx,
      defaultTimeout: () => this.defaultTimeoutMs,
      gatewayConnected: () => this.gateway.connected,
      waitForCommand: (name, guildId, timeout) => this.commands.waitFor(name, { guildId, timeout }),
    };
    this.users = new UsersApi(host);
    this.guilds = new GuildsApi(ctx, () => this.botPermissions);
    this.commands = new CommandsView(ctx);
    this.rest = new RestServer(ctx, createRouter(), this.faults, this.limiter);
    server.on('request', (req, res) => {
      this.rest.handle(req, res).catch((error: unknown) => {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if ((req.url ?? '').startsWith('/gateway')) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  public static async start(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
    const server = createServer({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const state = new EmulatorState();
    const bot = state.ids.next();
    const owner = state.ids.next();
    state.users.set(bot, {
      id: bot,
      username: options.botName ?? 'Mellow',
      globalName: null,
      discriminator: '4242',
      avatar: null,
      bot: true,
      locale: 'en-US',
      dmsClosed: false,
    });
    state.users.set(owner, {
      id: owner,
      username: 'owner',
      globalName: 'Owner',
      discriminator: '0',
      avatar: null,
      bot: false,
      locale: 'en-US',
      dmsClosed: false,
    });
    state.botUserId = bot;
    const config: EmulatorConfig = {
      token: `${Buffer.from(bot).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`,
      botUserId: bot,
      applicationId: bot,
      ownerUserId: owner,
      teamId: options.team ? state.ids.next() : null,
      baseUrl: `http://127.0.0.1:${port}`,
      gatewayUrl: `ws://127.0.0.1:${port}/gateway`,
    };
    const ctx = { state, config } as MutableContext;
    const gatewayRef: { current?: Gateway } = {};
    ctx.dispatch = (event, data) => gatewayRef.current?.dispatch(event, data);
    ctx.messages = new MessageService(state, config, ctx.dispatch);
    ctx.commands = new CommandRegistry(state, () => config.applicationId);
    ctx.interactions = new InteractionService(ctx);
    ctx.interactions.ackTimeoutMs =
      options.interactionAckTimeoutMs === undefined ? 3000 : options.interactionAckTimeoutMs;
    const emulator = new DiscordEmulator(server, ctx, options);
    gatewayRef.current = emulator.gateway;
    return emulator;
  }

  /** REST base for discord.js `rest.api` (it appends /v10). */
  public get apiUrl(): string {
    return `${this.ctx.config.baseUrl}/api`;
  }

  public get token(): string {
    return this.ctx.config.token;
  }

  public get botUser(): APIUser {
    return userPayload(this.ctx.state.user(this.ctx.config.botUserId));
  }

  public get applicationId(): string {
    return this.ctx.config.applicationId;
  }

  /** The application owner (also the default guild owner). */
  public get ownerUser(): Actor {
    return this.users.get(this.ctx.config.ownerUserId);
  }

  /** Every REST request, oldest first (cleared by reset()). */
  public get requests(): RequestLogEntry[] {
    return this.rest.requests;
  }

  /** Messages in a channel (any author, ephemeral ones included), oldest first. */
  public messages(channel: ChannelLike): MessageView[] {
    const id = typeof channel === 'string' ? channel : channel.id;
    return this.ctx.state
      .channelMessages(id)
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
      .map((m) => new MessageView(this.ctx, m));
  }

  /** Messages the bot sent to a user by DM, oldest first. */
  public dms(user: { id: string }): MessageView[] {
    const channelId = this.ctx.state.dmChannels.get(user.id);
    return channelId ? this.messages(channelId).filter((m) => m.authorId === this.ctx.config.botUserId) : [];
  }

  /** The DM channel between the bot and a user. */
  public dmChannel(user: { id: string }) {
    return this.ctx.state.dmChannelFor(user.id);
  }

  /** From now on the bot's DMs to this user fail with 50007. */
  public closeDms(user: { id: string }): void {
    this.ctx.state.user(user.id).dmsClosed = true;
  }

  public openDms(user: { id: string }): void {
    this.ctx.state.user(user.id).dmsClosed = false;
  }

  /** The next bot message in a channel (after a given message id, or created from now on). */
  public waitForMessage(options: WaitForMessageOptions): Promise<MessageView> {
    return waitForMessage(this.ctx, { timeout: this.defaultTimeoutMs, ...options });
  }

  /** Enforce Discord's global rate limit (requests per second), or null to stop. */
  public setGlobalRateLimit(perSecond: number | null): void {
    this.limiter.setGlobalLimit(perSecond);
  }

  /** Per-route buckets: `limit` requests per `windowMs`, refused with 429 beyond it (null: headers only). */
  public setRouteRateLimit(limit: number | null, windowMs = 1000): void {
    this.limiter.enforceRouteLimit = limit !== null;
    this.limiter.routeLimit = limit ?? 1000;
    this.limiter.routeWindowMs = windowMs;
  }

  /** Discord's deadline for the first interaction response, or null for none. */
  public setInteractionAckTimeout(ms: number | null): void {
    this.ctx.interactions.ackTimeoutMs = ms;
  }

  /**
   * Between tests: clears requests, faults, messages, pending interactions, rate limits and closed
   * DMs, and restores the interaction deadline. Users, guilds, channels, registered commands and
   * the bot's gateway session stay.
   */
  public reset(): void {
    this.rest.requests.length = 0;
    this.faults.clear();
    this.limiter.reset();
    this.ctx.interactions.reset();
    this.ctx.interactions.ackTimeoutMs = this.initialAckTimeoutMs;
    this.ctx.messages.attachments.clear();
    this.ctx.state.messages.clear();
    for (const user of this.ctx.state.users.values()) user.dmsClosed = false;
  }

  public async stop(): Promise<void> {
    this.ctx.interactions.reset();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
