import { Events, Listener } from '@sapphire/framework';
import type { Client } from 'discord.js';
import { loadApplicationOwners } from '../lib/discord/owners';
import { reconcileScheduledWork } from '../lib/scheduler/reconcile';

/** Once connected: learn the owners, then let plugins reconcile jobs (tasks are loaded by now). */
export class ReadyListener extends Listener<typeof Events.ClientReady> {
  public constructor(context: Listener.LoaderContext) {
    super(context, { event: Events.ClientReady, once: true });
  }

  public override async run(client: Client<true>) {
    const { plugins } = this.container.mellow;
    this.container.logger.info(
      `Ready as ${client.user.tag} in ${client.guilds.cache.size} guild(s); plugins: ${plugins.active.map((p) => p.name).join(', ') || 'none'}`,
    );
    await loadApplicationOwners(client);
    await this.container.mellow.guildCommands?.syncAll();
    await reconcileScheduledWork(plugins);
  }
}
