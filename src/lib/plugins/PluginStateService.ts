import { ChangeFeed } from '../database/ChangeFeed';
import { PluginState } from '../database/entities';
import type { Orm } from '../database/orm';
import { logger } from '../logging/logger';
import type { ActivePlugin } from './LoadedPlugin';
import { PluginStateCache } from './PluginStateCache';

/** Reads and writes the per-guild plugin switches. Reads come from memory; writes go to Postgres first. */
export class PluginStateService {
  public readonly cache = new PluginStateCache();

  public constructor(private readonly orm: Orm) {}

  public isEnabled(plugin: ActivePlugin, guildId: string | null): boolean {
    return this.cache.isEnabled(plugin.name, plugin.manifest.defaultEnabled ?? true, guildId);
  }

  public async loadAll(): Promise<void> {
    this.cache.replaceAll(await this.orm.em.fork().find(PluginState, {}));
  }

  public async reloadGuild(guildId: string): Promise<void> {
    this.cache.replaceGuild(guildId, await this.orm.em.fork().find(PluginState, { guildId }));
  }

  /**
   * Turns a plugin on or off in a guild, tells every other process, then runs the plugin's hook.
   * Returns false when it already was in that state.
   */
  public async setEnabled(guildId: string, plugin: ActivePlugin, enabled: boolean, actorId: string): Promise<boolean> {
    if (this.isEnabled(plugin, guildId) === enabled) return false;
    await this.orm.em.fork().transactional(async (em) => {
      await em.upsert(PluginState, {
        guildId,
        plugin: plugin.name,
        enabled,
        updatedBy: actorId,
        updatedAt: new Date(),
      });
      await ChangeFeed.publish(em, { guildId, scope: 'plugins' });
    });
    this.cache.set({ guildId, plugin: plugin.name, enabled });
    const hook = enabled ? plugin.manifest.hooks?.guildEnable : plugin.manifest.hooks?.guildDisable;
    try {
      await hook?.(guildId, plugin.context);
    } catch (error) {
      logger.error(`The ${plugin.name} plugin's ${enabled ? 'enable' : 'disable'} hook failed for guild ${guildId}`, {
        error,
      });
    }
    return true;
  }
}
