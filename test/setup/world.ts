import { PermissionFlagsBits } from 'discord.js';
import { bot } from './bot';

export { eventually } from '../../src/testkit/eventually';

let counter = 0;

/**
 * A fresh guild for one test file: alice owns it, carol has Manage Server through a role, bob is a
 * plain member. A new guild per file keeps plugin switches from leaking between files.
 */
export function createWorld() {
  const { emu } = bot();
  counter++;
  const alice = emu.users.create({ username: `alice${counter}` });
  const bob = emu.users.create({ username: `bob${counter}` });
  const carol = emu.users.create({ username: `carol${counter}` });
  const guild = emu.guilds.create({ name: `World ${counter}`, owner: alice, channels: ['general', 'logs'] });
  const mods = guild.createRole({ name: 'Mods', permissions: PermissionFlagsBits.ManageGuild });
  guild.addMember(bob);
  guild.addMember(carol, { roles: [mods] });
  return { emu, guild, alice, bob, carol, general: guild.channel('general'), logs: guild.channel('logs') };
}
