import { container } from '@sapphire/framework';
import { isOwner, type ReplyContent } from 'mellow';

export const subcommands = [
  'diagnostics',
  'settings',
  'logs',
  'database',
  'request-support',
  'reply',
  'tickets',
  'join-guild',
] as const;
export type GuilddebugSubcommand = (typeof subcommands)[number];

/** member: anyone; admin: Manage Server in the guild the command runs in; staff: STAFF_IDS and owners. */
export type Role = 'member' | 'admin' | 'staff';
/** none: refused; own: the guild the command runs in; any: any guild the bot is in. */
export type Reach = 'none' | 'own' | 'any';

/**
 * Who may run what, and on which guild: the whole permission matrix. Row-level rules sit in the
 * services: members list and answer only their own tickets, and only admins can give consent to
 * staff joining.
 */
export const ACCESS: Record<GuilddebugSubcommand, Record<Role, Reach>> = {
  diagnostics: { member: 'none', admin: 'own', staff: 'any' },
  settings: { member: 'none', admin: 'own', staff: 'any' },
  logs: { member: 'none', admin: 'own', staff: 'any' },
  database: { member: 'none', admin: 'none', staff: 'any' },
  'request-support': { member: 'own', admin: 'own', staff: 'own' },
  reply: { member: 'own', admin: 'own', staff: 'own' },
  tickets: { member: 'own', admin: 'own', staff: 'any' },
  'join-guild': { member: 'none', admin: 'none', staff: 'any' },
};

export interface GuilddebugActor {
  userId: string;
  /** The guild the command runs in. */
  guildId: string;
  role: Role;
  /** Manage Server in that guild (staff may lack it). */
  managesServer: boolean;
}

/** STAFF_IDS, OWNER_IDS and the application's owners. */
export function isStaff(userId: string): boolean {
  const { ownerIds, staffIds } = container.mellow.config;
  return staffIds.includes(userId) || isOwner(userId, ownerIds);
}

export function actorOf(userId: string, guildId: string, managesServer: boolean): GuilddebugActor {
  const role: Role = isStaff(userId) ? 'staff' : managesServer ? 'admin' : 'member';
  return { userId, guildId, role, managesServer };
}

const WHERE_TO_GO = 'If Mellow misbehaves here, tell its support team with `/guilddebug request-support`.';

/** Null when the actor may run the subcommand on the target guild, else the refusal to show. */
export function authorize(
  subcommand: GuilddebugSubcommand,
  actor: GuilddebugActor,
  targetGuildId: string = actor.guildId,
): ReplyContent | null {
  const reach = ACCESS[subcommand][actor.role];
  if (reach === 'none') {
    const who = ACCESS[subcommand].admin === 'none' ? 'Mellow staff' : 'server admins (Manage Server) and Mellow staff';
    return {
      outcome: 'error',
      title: 'Not available to you',
      description: `\`/guilddebug ${subcommand}\` is for ${who}. ${WHERE_TO_GO}`,
    };
  }
  if (reach === 'own' && targetGuildId !== actor.guildId) {
    return {
      outcome: 'error',
      title: 'Only this server',
      description: `You can use \`/guilddebug ${subcommand}\` on this server only; Mellow staff can look at others. ${WHERE_TO_GO}`,
    };
  }
  return null;
}
