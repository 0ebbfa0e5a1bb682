import { EventEmitter } from 'node:events';
import { Errors } from './errors';
import { SnowflakeGenerator } from './snowflake';

export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  discriminator: string;
  avatar: string | null;
  bot: boolean;
  locale: string;
  /** When true, the bot cannot DM this user (Discord answers 50007). */
  dmsClosed: boolean;
}

export interface RoleRecord {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  /** Set on the bot's managed role. */
  botId?: string;
}

export interface MemberRecord {
  guildId: string;
  userId: string;
  roleIds: string[];
  nick: string | null;
  joinedAt: string;
}

export interface OverwriteRecord {
  id: string;
  /** 0 = role, 1 = member. */
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface ChannelRecord {
  id: string;
  /** A discord-api-types ChannelType. */
  type: number;
  name: string | null;
  guildId: string | null;
  parentId: string | null;
  position: number;
  topic: string | null;
  nsfw: boolean;
  rateLimitPerUser: number;
  overwrites: OverwriteRecord[];
  lastMessageId: string | null;
  messageCount: number;
  /** DM channels: the other participant. */
  recipientId?: string;
  /** Threads: the creator and thread metadata. */
  ownerId?: string;
  archived?: boolean;
  locked?: boolean;
  autoArchiveDuration?: number;
  createdAt: string;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  createdAt: string;
  roles: Map<string, RoleRecord>;
  members: Map<string, MemberRecord>;
  botRoleId: string;
  preferredLocale: string;
}

export interface AttachmentRecord {
  id: string;
  filename: string;
  description?: string;
  contentType: string;
  data: Buffer;
  ephemeral: boolean;
}

export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  type: number;
  content: string;
  embeds: Record<string, unknown>[];
  components: Record<string, unknown>[];
  attachments: AttachmentRecord[];
  flags: number;
  tts: boolean;
  timestamp: string;
  editedTimestamp: string | null;
  mentionUserIds: string[];
  mentionRoleIds: string[];
  mentionEveryone: boolean;
  reference: { message_id?: string; channel_id: string; guild_id?: string } | null;
  nonce: string | number | null;
  pinned: boolean;
  poll: Record<string, unknown> | null;
  webhookId: string | null;
  applicationId: string | null;
  interaction: { id: string; type: number; name?: string; userId: string } | null;
  threadId: string | null;
  reactions: Map<string, Set<string>>;
}

export interface InviteRecord {
  code: string;
  guildId: string;
  channelId: string;
  inviterId: string;
  maxAge: number;
  maxUses: number;
  temporary: boolean;
  uses: number;
  createdAt: string;
}

/** Events the emulator raises internally (messages, interactions); used by waiters. */
export interface StateEvents {
  messageCreate: [MessageRecord];
  messageUpdate: [MessageRecord];
  messageDelete: [MessageRecord];
  interactionUpdate: [string];
  commandsChanged: [];
}

/** The in-memory world: every Discord object the emulator knows about. */
export class EmulatorState {
  public readonly ids = new SnowflakeGenerator();
  public readonly events = new EventEmitter<StateEvents>();
  public readonly users = new Map<string, UserRecord>();
  public readonly guilds = new Map<string, GuildRecord>();
  public readonly channels = new Map<string, ChannelRecord>();
  public readonly messages = new Map<string, MessageRecord>();
  public readonly invites = new Map<string, InviteRecord>();
  /** Set by the emulator once the bot user exists. */
  public botUserId = '';
  /** DM channel id by recipient user id. */
  public readonly dmChannels = new Map<string, string>();

  public constructor() {
    this.events.setMaxListeners(0);
  }

  public now(): string {
    return new Date().toISOString();
  }

  public user(id: string): UserRecord {
    const user = this.users.get(id);
    if (!user) throw Errors.unknownUser();
    return user;
  }

  public guild(id: string): GuildRecord {
    const guild = this.guilds.get(id);
    if (!guild) throw Errors.unknownGuild();
    return guild;
  }

  public channel(id: string): ChannelRecord {
    const channel = this.channels.get(id);
    if (!channel) throw Errors.unknownChannel();
    return channel;
  }

  public member(guildId: string, userId: string): MemberRecord {
    const member = this.guild(guildId).members.get(userId);
    if (!member) throw Errors.unknownMember();
    return member;
  }

  public message(channelId: string, messageId: string): MessageRecord {
    const message = this.messages.get(messageId);
    if (!message || message.channelId !== channelId) throw Errors.unknownMessage();
    return message;
  }

  public guildChannels(guildId: string): ChannelRecord[] {
    return [...this.channels.values()].filter((c) => c.guildId === guildId);
  }

  public channelMessages(channelId: string): MessageRecord[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId);
  }

  /** The DM channel between the bot and a user, created on first use. */
  public dmChannelFor(userId: string): ChannelRecord {
    const existing = this.dmChannels.get(userId);
    if (existing) return this.channel(existing);
    this.user(userId);
    const channel: ChannelRecord = {
      id: this.ids.next(),
      type: 1,
      name: null,
      guildId: null,
      parentId: null,
      position: 0,
      topic: null,
      nsfw: false,
      rateLimitPerUser: 0,
      overwrites: [],
      lastMessageId: null,
      messageCount: 0,
      recipientId: userId,
      createdAt: this.now(),
    };
    this.channels.set(channel.id, channel);
    this.dmChannels.set(userId, channel.id);
    return channel;
  }
}
