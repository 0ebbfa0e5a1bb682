import { container } from '@sapphire/framework';
import { type Client, PermissionFlagsBits, type PermissionsBitField, Team, User } from 'discord.js';
import { logger } from '../logging/logger';

const applicationOwners = new Set<string>();

/** Loads the application's owner (or team members). They count as owners, like OWNER_IDS. */
export async function loadApplicationOwners(client: Client<true>): Promise<void> {
  try {
    const application = await client.application.fetch();
    applicationOwners.clear();
    if (application.owner instanceof User) applicationOwners.add(application.owner.id);
    if (application.owner instanceof Team) for (const id of application.owner.members.keys()) applicationOwners.add(id);
  } catch (error) {
    logger.warn('Could not fetch the application owners; only OWNER_IDS count as owners', { error });
  }
}

export function isOwner(userId: string, ownerIds: readonly string[]): boolean {
  return ownerIds.includes(userId) || applicationOwners.has(userId);
}

/** Who may change a server's settings: Manage Server, or a bot owner (the ServerAdmin precondition). */
export function isServerAdmin(userId: string, permissions: Readonly<PermissionsBitField> | null | undefined): boolean {
  return (
    Boolean(permissions?.has(PermissionFlagsBits.ManageGuild)) || isOwner(userId, container.mellow.config.ownerIds)
  );
}
