import type { Actor, ChannelRecord, DiscordEmulator } from '../../src/testkit/emulator';

export interface WorldSize {
  guilds: number;
  channelsPerGuild: number;
  /** Members per guild, the owner and the bot included. */
  membersPerGuild: number;
}

export interface World {
  /** The user who runs every command: a plain member of the first guild. */
  alice: Actor;
  channel: ChannelRecord;
  size: WorldSize;
}

/**
 * Fills the emulator before the bot connects, so the bot receives every guild (channels and members
 * included) in its GUILD_CREATEs at READY. Uses only the emulator's public API; nothing is
 * dispatched while no bot is connected.
 */
export function buildWorld(emu: DiscordEmulator, size: WorldSize): World {
  const channelNames = Array.from({ length: size.channelsPerGuild }, (_, i) => (i === 0 ? 'general' : `channel-${i}`));
  const alice = emu.users.create({ username: 'alice' });
  let channel: ChannelRecord | undefined;
  for (let g = 0; g < size.guilds; g++) {
    const owner = emu.users.create({ username: `owner-${g}` });
    const guild = emu.guilds.create({ name: `Guild ${g}`, owner, channels: channelNames });
    // The owner and the bot are members already.
    for (let m = 2; m < size.membersPerGuild; m++) {
      const user = g === 0 && m === 2 ? alice : emu.users.create({ username: `member-${g}-${m}` });
      guild.addMember(user);
    }
    channel ??= guild.channel('general');
  }
  if (!channel) throw new Error('The benchmark needs at least one guild');
  return { alice, channel, size };
}
