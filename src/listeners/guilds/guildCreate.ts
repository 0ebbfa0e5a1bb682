import { Events, Listener } from '@sapphire/framework';
import type { Guild } from 'discord.js';

export class GuildCreateListener extends Listener<typeof Events.GuildCreate> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.GuildCreate });
  }

  public override async run(guild: Guild) {
    this.container.mellow.systemLog.record({ type: 'guild', title: `Joined ${guild.name}`, guildId: guild.id });
    await this.container.mellow.guildCommands?.syncGuild(guild.id);
  }
}
