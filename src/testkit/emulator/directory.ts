import { Actor, type ActorHost } from './actors';
import type { EmulatorContext } from './context';
import { type CreateGuildOptions, buildGuild } from './guildFactory';
import { GuildHandle } from './guilds';
import { guildCreatePayload } from './payloads';
import type { UserRecord } from './state';

export interface CreateUserOptions {
  username: string;
  /** A fixed id, for config that must name the user before the bot starts (STAFF_IDS). */
  id?: string;
  globalName?: string;
  locale?: string;
  bot?: boolean;
}

/** `emu.users`: creates simulated users (actors). */
export class UsersApi {
  private readonly actors = new Map<string, Actor>();

  public constructor(private readonly host: ActorHost) {}

  public create(options: CreateUserOptions): Actor {
    return this.adopt(this.record(options));
  }

  /** The actor for an existing user id (e.g. emu.ownerUser.id). */
  public get(id: string): Actor {
    const actor = this.actors.get(id) ?? this.adopt(this.host.ctx.state.user(id));
    return actor;
  }

  private record(options: CreateUserOptions): UserRecord {
    const { state } = this.host.ctx;
    const user: UserRecord = {
      id: options.id ?? state.ids.next(),
      username: options.username,
      globalName: options.globalName ?? null,
      discriminator: options.bot ? '0000' : '0',
      avatar: null,
      bot: options.bot ?? false,
      locale: options.locale ?? 'en-US',
      dmsClosed: false,
    };
    state.users.set(user.id, user);
    return user;
  }

  private adopt(record: UserRecord): Actor {
    const actor = new Actor(this.host, record);
    this.actors.set(record.id, actor);
    return actor;
  }
}

/** `emu.guilds`: creates and removes guilds; while the bot is connected it gets GUILD_CREATE / GUILD_DELETE. */
export class GuildsApi {
  private readonly handles = new Map<string, GuildHandle>();

  public constructor(
    private readonly ctx: EmulatorContext,
    private readonly defaultBotPermissions: () => bigint,
  ) {}

  public create(options: CreateGuildOptions = {}): GuildHandle {
    const record = buildGuild(this.ctx, options, this.defaultBotPermissions());
    this.ctx.state.guilds.set(record.id, record);
    const handle = new GuildHandle(this.ctx, record);
    handle.populate(options.channels ?? ['general']);
    this.handles.set(record.id, handle);
    this.ctx.dispatch('GUILD_CREATE', guildCreatePayload(this.ctx.state, record));
    return handle;
  }

  public get(id: string): GuildHandle {
    const handle = this.handles.get(id);
    if (!handle) throw new Error(`Unknown guild ${id}`);
    return handle;
  }

  public list(): GuildHandle[] {
    return [...this.handles.values()];
  }

  /**
   * The bot leaves (or is kicked from) a guild that goes on existing: GUILD_DELETE reaches the bot,
   * and REST calls about the guild or its channels get 50001 Missing Access, as on Discord.
   */
  public removeBot(guild: GuildHandle | { id: string }): void {
    const record = this.ctx.state.guild(guild.id);
    record.members.delete(this.ctx.config.botUserId);
    this.ctx.dispatch('GUILD_DELETE', { id: record.id });
  }

  /** Removes the bot from a guild (GUILD_DELETE) and forgets its channels and messages. */
  public remove(guild: GuildHandle | { id: string }): void {
    const { state } = this.ctx;
    state.guild(guild.id);
    for (const channel of state.guildChannels(guild.id)) {
      for (const message of state.channelMessages(channel.id)) state.messages.delete(message.id);
      state.channels.delete(channel.id);
    }
    state.guilds.delete(guild.id);
    this.handles.delete(guild.id);
    this.ctx.dispatch('GUILD_DELETE', { id: guild.id });
  }
}
