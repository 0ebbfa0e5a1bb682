import type { EmulatorContext } from './context';
import { DEFAULT_EVERYONE_PERMISSIONS } from './permissions';
import type { GuildRecord, RoleRecord } from './state';
import type { ChannelSpec, UserLike } from './guilds';

export interface CreateGuildOptions {
  name?: string;
  /** A fixed id, for config that must name the guild before the bot starts. */
  id?: string;
  /** The owner (a member automatically); defaults to the application owner. */
  owner?: UserLike;
  /** Text channels to create, by name (or full specs). Default: ['general']. */
  channels?: (string | ChannelSpec)[];
  /** Permissions of the bot's managed role. */
  botPermissions?: bigint;
  /** Permissions of @everyone (Discord's defaults otherwise). */
  everyonePermissions?: bigint;
  locale?: string;
}

/** Builds a guild record with @everyone, the bot's role and the bot + owner as members. */
export function buildGuild(
  ctx: EmulatorContext,
  options: CreateGuildOptions,
  defaultBotPermissions: bigint,
): GuildRecord {
  const { state, config } = ctx;
  const id = options.id ?? state.ids.next();
  const botRoleId = state.ids.next();
  const now = state.now();
  const ownerId = options.owner?.id ?? config.ownerUserId;
  const role = (rid: string, name: string, permissions: bigint, position: number, botId?: string): RoleRecord => ({
    id: rid,
    guildId: id,
    name,
    permissions,
    position,
    color: 0,
    hoist: false,
    managed: botId !== undefined,
    mentionable: false,
    ...(botId ? { botId } : {}),
  });
  const botUser = state.user(config.botUserId);
  const guild: GuildRecord = {
    id,
    name: options.name ?? 'Test Server',
    ownerId,
    createdAt: now,
    botRoleId,
    preferredLocale: options.locale ?? 'en-US',
    roles: new Map([
      [id, role(id, '@everyone', options.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS, 0)],
      [botRoleId, role(botRoleId, botUser.username, options.botPermissions ?? defaultBotPermissions, 1, botUser.id)],
    ]),
    members: new Map(),
  };
  for (const userId of [ownerId, config.botUserId]) {
    state.user(userId);
    guild.members.set(userId, {
      guildId: id,
      userId,
      roleIds: userId === config.botUserId ? [botRoleId] : [],
      nick: null,
      joinedAt: now,
    });
  }
  return guild;
}
