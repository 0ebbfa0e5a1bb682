import type { Json } from './payloads';
import type { EmulatorState, MessageRecord } from './state';

interface AllowedMentions {
  parse?: string[];
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

export interface ResolvedMentions {
  userIds: string[];
  roleIds: string[];
  everyone: boolean;
}

/**
 * Which users, roles and @everyone a message actually pings, honouring `allowed_mentions` the way
 * Discord does (no `allowed_mentions` means everything in the content pings).
 */
export function resolveMentions(
  state: EmulatorState,
  content: string,
  guildId: string | null,
  allowed: AllowedMentions | undefined,
  replied: MessageRecord | null,
): ResolvedMentions {
  const parse = allowed ? new Set(allowed.parse ?? []) : new Set(['users', 'roles', 'everyone']);
  const userIds = new Set<string>();
  const roleIds = new Set<string>();
  for (const [, id] of content.matchAll(/<@!?(\d{17,20})>/g)) {
    if (!state.users.has(id)) continue;
    if (parse.has('users') || allowed?.users?.includes(id)) userIds.add(id);
  }
  const guild = guildId ? state.guilds.get(guildId) : undefined;
  for (const [, id] of content.matchAll(/<@&(\d{17,20})>/g)) {
    if (!guild?.roles.has(id)) continue;
    if (parse.has('roles') || allowed?.roles?.includes(id)) roleIds.add(id);
  }
  const everyone = /@(everyone|here)/.test(content) && parse.has('everyone');
  const pingReplied = allowed ? allowed.replied_user === true : true;
  if (replied && pingReplied) userIds.add(replied.authorId);
  return { userIds: [...userIds], roleIds: [...roleIds], everyone };
}

export function asAllowedMentions(value: unknown): AllowedMentions | undefined {
  return value && typeof value === 'object' ? (value as Json as AllowedMentions) : undefined;
}
