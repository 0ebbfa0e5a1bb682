import { PermissionFlagsBits as P } from 'discord.js';
import type { CommandRecord } from './commands';
import { customIdsOf, findComponent } from './componentTools';
import { type Json, memberPayload, rolePayload, userPayload } from './payloads';
import { basePermissions, channelPermissions } from './permissions';
import type { ChannelRecord, EmulatorState, MessageRecord, UserRecord } from './state';

/** Throws (with a message a test author understands) when the user could not act in this channel. */
export function checkChannelAccess(state: EmulatorState, user: UserRecord, channel: ChannelRecord): void {
  if (channel.recipientId !== undefined && channel.recipientId !== user.id) {
    throw new Error(`${user.username} is not in DM channel ${channel.id}`);
  }
  if (!channel.guildId) return;
  if (!state.guild(channel.guildId).members.has(user.id)) {
    throw new Error(`${user.username} is not a member of guild ${channel.guildId}`);
  }
  if (!(channelPermissions(state, channel, user.id) & P.ViewChannel)) {
    throw new Error(`${user.username} cannot see #${channel.name ?? channel.id}`);
  }
}

/** A message the user can see, by id. */
export function visibleMessage(state: EmulatorState, user: UserRecord, id: string | undefined): MessageRecord {
  const record = id ? state.messages.get(id) : undefined;
  if (!record) throw new Error(`Unknown message ${String(id)} (deleted, or never sent)`);
  if (record.flags & 64 && record.interaction && record.interaction.userId !== user.id) {
    throw new Error(`${user.username} cannot see an ephemeral message meant for someone else`);
  }
  return record;
}

/** An enabled component on a message, by custom id. */
export function enabledComponent(message: MessageRecord, customId: string): Json {
  const component = findComponent(message.components, customId);
  if (!component) {
    const has = customIdsOf(message.components).join(', ') || 'none';
    throw new Error(`No component '${customId}' on message ${message.id} (has: ${has})`);
  }
  if (component.disabled === true) throw new Error(`'${customId}' is disabled`);
  return component;
}

/** The `resolved` object of a user/role/mentionable/channel select. */
export function resolveSelectValues(state: EmulatorState, message: MessageRecord, ids: string[]): Json {
  const guild = message.guildId ? state.guilds.get(message.guildId) : undefined;
  const channel = state.channel(message.channelId);
  const resolved: Record<string, Json> = {};
  const add = (kind: string, id: string, value: unknown): void => {
    resolved[kind] ??= {};
    resolved[kind][id] = value;
  };
  for (const id of ids) {
    const user = state.users.get(id);
    if (user) add('users', id, userPayload(user));
    const member = guild?.members.get(id);
    if (member) {
      const permissions = channelPermissions(state, channel, id).toString();
      add('members', id, { ...memberPayload(state, member, false), permissions });
    }
    const role = guild?.roles.get(id);
    if (role) add('roles', id, rolePayload(role));
    const target = state.channels.get(id);
    if (target) add('channels', id, { id, name: target.name, type: target.type, permissions: '0' });
  }
  return resolved;
}

/** Discord only offers a command the user may use here: default_member_permissions and contexts. */
export function checkCommandUsable(
  state: EmulatorState,
  user: UserRecord,
  command: CommandRecord,
  channel: ChannelRecord,
): void {
  const name = String(command.data.name);
  const needed = command.data.default_member_permissions;
  if (channel.guildId && typeof needed === 'string') {
    const perms = basePermissions(state.guild(channel.guildId), user.id);
    if ((perms & BigInt(needed)) !== BigInt(needed)) {
      throw new Error(`${user.username} cannot see /${name}: default_member_permissions ${needed} not met`);
    }
  }
  const contexts = command.data.contexts as number[] | null;
  if (!channel.guildId && (command.data.dm_permission === false || (contexts && !contexts.includes(1)))) {
    throw new Error(`/${name} is not available in DMs`);
  }
  if (channel.guildId && contexts && !contexts.includes(0)) throw new Error(`/${name} is not available in guilds`);
}
