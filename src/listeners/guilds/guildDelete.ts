import { Events, Listener } from '@sapphire/framework';
import type { Guild } from 'discord.js';

export class GuildDeleteListener extends Listener<typeof Events.GuildDelete> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.GuildDelete });
  }

  public override run(guild: Guild) {
    // An outage makes guilds unavailable without the bot leaving them.
    if (!guild.available) return;
    this.container.mellow.systemLog.record({
      type: 'guild',
      title: `Left ${guild.name ?? guild.id}`,
      guildId: guild.id,
    });
  }
}
