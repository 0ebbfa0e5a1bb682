import { container } from '@sapphire/framework';
import {
  type APIInteractionGuildMember,
  type GuildMember,
  PermissionFlagsBits,
  type PermissionsBitField,
} from 'discord.js';
import { isOwner } from 'mellow';
import type { TwitterSettings } from '../entities/TwitterSettings';

/** Who is acting, as the checks below need it (from any interaction in a guild). */
export interface Actor {
  userId: string;
  member: GuildMember | APIInteractionGuildMember | null;
  memberPermissions: Readonly<PermissionsBitField> | null;
}

export const isOwnerOrStaff = (userId: string) =>
  isOwner(userId, container.mellow.config.ownerIds) || container.mellow.config.staffIds.includes(userId);

/** Manage Server, or a bot owner: may change settings and connect the guild's account. */
export const isAdmin = (actor: Actor) =>
  (actor.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false) ||
  isOwner(actor.userId, container.mellow.config.ownerIds);

function hasRole(actor: Actor, roleId: string | null): boolean {
  if (!roleId || !actor.member) return false;
  const { roles } = actor.member;
  return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
}

/** Approvers are the configured role; without one, the server's admins. */
export const isApprover = (actor: Actor, settings: TwitterSettings) =>
  settings.approverRoleId ? hasRole(actor, settings.approverRoleId) || isOwnerOrStaff(actor.userId) : isAdmin(actor);

/** May write posts for the guild's account: admins and approvers. */
export const mayWrite = (actor: Actor, settings: TwitterSettings) => isAdmin(actor) || isApprover(actor, settings);

export const actorOf = (interaction: {
  user: { id: string };
  member: GuildMember | APIInteractionGuildMember | null;
  memberPermissions: Readonly<PermissionsBitField> | null;
}): Actor => ({
  userId: interaction.user.id,
  member: interaction.member,
  memberPermissions: interaction.memberPermissions,
});
