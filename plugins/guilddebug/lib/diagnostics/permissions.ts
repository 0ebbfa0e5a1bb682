import { type Guild, type GuildMember, type PermissionResolvable, PermissionsBitField } from 'discord.js';

/** "SendMessages" → "Send Messages". */
export const permissionName = (flag: string) => flag.replace(/([a-z])([A-Z])/g, '$1 $2');

/** Names of the permissions in `needed` that `has` lacks. */
export function missingPermissions(has: Readonly<PermissionsBitField>, needed: PermissionResolvable[]): string[] {
  const wanted = new PermissionsBitField(needed);
  return has.missing(wanted).map(permissionName);
}

export async function botMember(guild: Guild): Promise<GuildMember> {
  return guild.members.me ?? (await guild.members.fetchMe());
}
