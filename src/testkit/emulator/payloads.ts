import type { APIGuildMember, APIRole, APIUser, GuildMemberFlags, RoleFlags, UserFlags } from 'discord.js';
import { isThread } from './permissions';
import { snowflakeDate } from './snowflake';
import type { ChannelRecord, EmulatorState, GuildRecord, MemberRecord, RoleRecord, UserRecord } from './state';

export type Json = Record<string, unknown>;

export function userPayload(user: UserRecord): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: user.discriminator,
    global_name: user.globalName,
    avatar: user.avatar,
    bot: user.bot || undefined,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

export function rolePayload(role: RoleRecord): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: role.mentionable,
    flags: 0 as RoleFlags,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

/** A guild member; `withUser` false gives the shape used inside MESSAGE_CREATE. */
export function memberPayload(state: EmulatorState, member: MemberRecord, withUser = true): APIGuildMember {
  const base: Omit<APIGuildMember, 'user'> & { user?: APIUser } = {
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roleIds],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
  if (withUser) base.user = userPayload(state.user(member.userId));
  return base as APIGuildMember;
}

export function channelPayload(state: EmulatorState, channel: ChannelRecord): Json {
  if (channel.type === 1) {
    const recipient = state.users.get(channel.recipientId ?? '');
    return {
      id: channel.id,
      type: 1,
      last_message_id: channel.lastMessageId,
      flags: 0,
      recipients: recipient ? [userPayload(recipient)] : [],
    };
  }
  const payload: Json = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    parent_id: channel.parentId,
    flags: 0,
  };
  if (isThread(channel)) {
    const created = channel.createdAt;
    return {
      ...payload,
      owner_id: channel.ownerId,
      last_message_id: channel.lastMessageId,
      rate_limit_per_user: channel.rateLimitPerUser,
      message_count: channel.messageCount,
      total_message_sent: channel.messageCount,
      member_count: 1,
      applied_tags: [],
      thread_metadata: {
        archived: channel.archived ?? false,
        auto_archive_duration: channel.autoArchiveDuration ?? 1440,
        archive_timestamp: created,
        locked: channel.locked ?? false,
        create_timestamp: created,
        ...(channel.type === 12 ? { invitable: true } : {}),
      },
    };
  }
  payload.position = channel.position;
  payload.permission_overwrites = channel.overwrites.map((o) => ({
    id: o.id,
    type: o.type,
    allow: o.allow.toString(),
    deny: o.deny.toString(),
  }));
  if (channel.type === 4) return payload;
  return {
    ...payload,
    topic: channel.topic,
    nsfw: channel.nsfw,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: channel.rateLimitPerUser,
    last_pin_timestamp: null,
    ...(channel.type === 2 ? { bitrate: 64000, user_limit: 0, rtc_region: null } : {}),
  };
}

/** The guild object of GET /guilds/:id (no channels or members). */
export function guildPayload(guild: GuildRecord): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: [...guild.roles.values()].map(rolePayload),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_presences: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
    region: 'deprecated',
  };
}

/** The GUILD_CREATE payload: the guild plus channels, threads, roles and every member (the bot's too). */
export function guildCreatePayload(state: EmulatorState, guild: GuildRecord): Json {
  const channels = state.guildChannels(guild.id);
  const botMember = guild.members.get(state.botUserId);
  return {
    ...guildPayload(guild),
    joined_at: botMember?.joinedAt ?? snowflakeDate(guild.id).toISOString(),
    large: guild.members.size > 250,
    unavailable: false,
    member_count: guild.members.size,
    channels: channels.filter((c) => !isThread(c)).map((c) => withoutGuildId(channelPayload(state, c))),
    threads: channels.filter(isThread).map((c) => channelPayload(state, c)),
    members: [...guild.members.values()].map((m) => memberPayload(state, m)),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function withoutGuildId(payload: Json): Json {
  const copy = { ...payload };
  delete copy.guild_id;
  return copy;
}
