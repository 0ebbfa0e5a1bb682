import type { Actor } from './actors';
import type { EmulatorContext } from './context';
import { type Json, channelPayload, memberPayload, rolePayload } from './payloads';
import type { ChannelRecord, GuildRecord, MemberRecord, OverwriteRecord, RoleRecord } from './state';

export type UserLike = Actor | { id: string };
export type RoleLike = RoleRecord | { id: string } | string;

export interface ChannelSpec {
  name: string;
  /** A fixed id, for config that must name the channel before the bot starts. */
  id?: string;
  /** ChannelType: 0 text (default), 2 voice, 4 category, 5 announcement, 15 forum. */
  type?: number;
  parent?: ChannelRecord | string;
  topic?: string;
  overwrites?: OverwriteSpec[];
}

export interface OverwriteSpec {
  /** A role, a user, or an id. */
  id: string | RoleLike | UserLike;
  /** 0 role, 1 member (guessed from the id when omitted). */
  type?: 0 | 1;
  allow?: bigint;
  deny?: bigint;
}

export interface RoleSpec {
  name: string;
  permissions?: bigint;
  color?: number;
  hoist?: boolean;
  mentionable?: boolean;
  /** Explicit position; by default a new role goes to the bottom (below the bot's role), as on Discord. */
  position?: number;
}

const idOf = (x: { id: string } | string): string => (typeof x === 'string' ? x : x.id);

/** A guild in the emulator, with helpers that change it the way an admin would (and dispatch events). */
export class GuildHandle {
  /** Channels by name. */
  public readonly channels: Record<string, ChannelRecord> = {};
  /** While the guild is being built, its GUILD_CREATE carries everything: no separate events. */
  private quiet = false;

  public constructor(
    private readonly ctx: EmulatorContext,
    public readonly record: GuildRecord,
  ) {}

  public get id(): string {
    return this.record.id;
  }

  public get name(): string {
    return this.record.name;
  }

  /** The @everyone role (its id is the guild id). */
  public get everyoneRole(): RoleRecord {
    return this.record.roles.get(this.id)!;
  }

  /** The bot's managed role, which carries `botPermissions`. */
  public get botRole(): RoleRecord {
    return this.record.roles.get(this.record.botRoleId)!;
  }

  public channel(name: string): ChannelRecord {
    const channel = this.channels[name];
    if (!channel)
      throw new Error(`Guild ${this.name} has no channel '${name}' (has: ${Object.keys(this.channels).join(', ')})`);
    return channel;
  }

  public member(user: UserLike): MemberRecord {
    const member = this.record.members.get(user.id);
    if (!member) throw new Error(`${user.id} is not a member of ${this.name}`);
    return member;
  }

  public createChannel(spec: ChannelSpec | string): ChannelRecord {
    const { state } = this.ctx;
    const s = typeof spec === 'string' ? { name: spec } : spec;
    const channel: ChannelRecord = {
      id: s.id ?? state.ids.next(),
      type: s.type ?? 0,
      name: s.name,
      guildId: this.id,
      parentId: s.parent ? idOf(s.parent) : null,
      position: Object.keys(this.channels).length,
      topic: s.topic ?? null,
      nsfw: false,
      rateLimitPerUser: 0,
      overwrites: (s.overwrites ?? []).map((o) => this.overwrite(o)),
      lastMessageId: null,
      messageCount: 0,
      createdAt: state.now(),
    };
    state.channels.set(channel.id, channel);
    this.channels[s.name] = channel;
    this.dispatch('CHANNEL_CREATE', channelPayload(state, channel));
    return channel;
  }

  /** A thread under a text channel, as if a user had started it. */
  public createThread(
    parent: ChannelRecord,
    name: string,
    options: { private?: boolean; owner?: UserLike } = {},
  ): ChannelRecord {
    const { state } = this.ctx;
    const thread: ChannelRecord = {
      ...parent,
      id: state.ids.next(),
      type: options.private ? 12 : 11,
      name,
      parentId: parent.id,
      overwrites: [],
      lastMessageId: null,
      messageCount: 0,
      ownerId: options.owner?.id ?? this.record.ownerId,
      archived: false,
      locked: false,
      autoArchiveDuration: 1440,
      createdAt: state.now(),
    };
    state.channels.set(thread.id, thread);
    this.channels[name] = thread;
    this.dispatch('THREAD_CREATE', { ...channelPayload(state, thread), newly_created: true });
    return thread;
  }

  public createRole(spec: RoleSpec): RoleRecord {
    const roles = [...this.record.roles.values()];
    if (spec.position === undefined) for (const r of roles) if (r.id !== this.id) r.position += 1;
    const role: RoleRecord = {
      id: this.ctx.state.ids.next(),
      guildId: this.id,
      name: spec.name,
      permissions: spec.permissions ?? 0n,
      position: spec.position ?? 1,
      color: spec.color ?? 0,
      hoist: spec.hoist ?? false,
      managed: false,
      mentionable: spec.mentionable ?? false,
    };
    this.record.roles.set(role.id, role);
    this.dispatch('GUILD_ROLE_CREATE', { guild_id: this.id, role: rolePayload(role) });
    return role;
  }

  public setRolePermissions(role: RoleLike, permissions: bigint): void {
    const record = this.record.roles.get(idOf(role));
    if (!record) throw new Error(`Unknown role ${idOf(role)}`);
    record.permissions = permissions;
    this.dispatch('GUILD_ROLE_UPDATE', { guild_id: this.id, role: rolePayload(record) });
  }

  /** Sets the permissions of the bot's managed role (@everyone's permissions still apply on top). */
  public setBotPermissions(permissions: bigint): void {
    this.setRolePermissions(this.botRole, permissions);
  }

  public addMember(user: UserLike, options: { roles?: RoleLike[]; nick?: string } = {}): MemberRecord {
    const member: MemberRecord = {
      guildId: this.id,
      userId: user.id,
      roleIds: (options.roles ?? []).map(idOf),
      nick: options.nick ?? null,
      joinedAt: this.ctx.state.now(),
    };
    this.ctx.state.user(user.id);
    this.record.members.set(user.id, member);
    this.dispatch('GUILD_MEMBER_ADD', { ...memberPayload(this.ctx.state, member), guild_id: this.id });
    return member;
  }

  public setMemberRoles(user: UserLike, roles: RoleLike[]): void {
    const member = this.member(user);
    member.roleIds = roles.map(idOf);
    this.dispatch('GUILD_MEMBER_UPDATE', { ...memberPayload(this.ctx.state, member), guild_id: this.id });
  }

  public removeMember(user: UserLike): void {
    const member = this.member(user);
    this.record.members.delete(user.id);
    this.dispatch('GUILD_MEMBER_REMOVE', { guild_id: this.id, user: memberPayload(this.ctx.state, member).user });
  }

  /** Adds or replaces a permission overwrite on a channel. */
  public setChannelOverwrite(channel: ChannelRecord, spec: OverwriteSpec): void {
    const overwrite = this.overwrite(spec);
    channel.overwrites = [...channel.overwrites.filter((o) => o.id !== overwrite.id), overwrite];
    this.dispatch('CHANNEL_UPDATE', channelPayload(this.ctx.state, channel));
  }

  /** Creates the initial channels without dispatching events (GUILD_CREATE follows). */
  public populate(channels: (string | ChannelSpec)[]): void {
    this.quiet = true;
    try {
      for (const spec of channels) this.createChannel(spec);
    } finally {
      this.quiet = false;
    }
  }

  private dispatch(event: string, data: Json): void {
    if (!this.quiet) this.ctx.dispatch(event, data);
  }

  private overwrite(spec: OverwriteSpec): OverwriteRecord {
    const id = idOf(spec.id as { id: string } | string);
    const type = spec.type ?? (this.record.roles.has(id) ? 0 : 1);
    return { id, type, allow: spec.allow ?? 0n, deny: spec.deny ?? 0n };
  }
}
