import { bot } from '../../../test/setup/bot';
import { createWorld } from '../../../test/setup/world';
import { STAFF_ID, SUPPORT_CHANNEL_ID, SUPPORT_GUILD_ID } from './env';

/** The support server and the staff member, created once per run with the ids the bot was given. */
export function supportServer() {
  const { emu } = bot();
  const existing = emu.guilds.list().find((guild) => guild.id === SUPPORT_GUILD_ID);
  const staff = existing ? emu.users.get(STAFF_ID) : emu.users.create({ username: 'staffer', id: STAFF_ID });
  const guild =
    existing ??
    emu.guilds.create({
      id: SUPPORT_GUILD_ID,
      name: 'Mellow Support',
      owner: staff,
      channels: [{ name: 'tickets', id: SUPPORT_CHANNEL_ID }, 'lobby'],
    });
  return { guild, staff, channel: guild.channel('tickets') };
}

/** A fresh guild (alice owner, carol admin, bob member), plus the support server and staff. */
export function guilddebugWorld() {
  const world = createWorld();
  const support = supportServer();
  world.guild.addMember(support.staff);
  return { ...world, support, staff: support.staff };
}
