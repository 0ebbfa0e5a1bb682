import { ChangeFeed } from '../database/ChangeFeed';
import { GuildSettings } from '../database/entities';
import type { Orm } from '../database/orm';

export interface GuildSettingsView {
  prefix: string | null;
  logChannelId: string | null;
}

export type GuildSettingsPatch = Partial<GuildSettingsView>;

const EMPTY: GuildSettingsView = Object.freeze({ prefix: null, logChannelId: null });

/** Core per-guild settings, cached in memory (the prefix is read for every message). */
export class GuildSettingsService {
  private readonly cache = new Map<string, GuildSettingsView>();
  private readonly locks = new Map<string, Promise<unknown>>();

  public constructor(
    private readonly orm: Orm,
    private readonly defaultPrefix: string,
  ) {}

  public get(guildId: string): GuildSettingsView {
    return this.cache.get(guildId) ?? EMPTY;
  }

  public prefixFor(guildId: string | null): string {
    return (guildId && this.cache.get(guildId)?.prefix) || this.defaultPrefix;
  }

  public async loadAll(): Promise<void> {
    const rows = await this.orm.em.fork().find(GuildSettings, {});
    this.cache.clear();
    for (const row of rows) this.cache.set(row.guildId, { prefix: row.prefix, logChannelId: row.logChannelId });
  }

  public async reloadGuild(guildId: string): Promise<void> {
    const row = await this.orm.em.fork().findOne(GuildSettings, { guildId });
    if (row) this.cache.set(guildId, { prefix: row.prefix, logChannelId: row.logChannelId });
    else this.cache.delete(guildId);
  }

  /**
   * Writes only the given fields, one update per guild at a time, so two admins changing different
   * settings at once never undo each other. Other processes learn of it through the change feed.
   */
  public update(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettingsView> {
    const previous = this.locks.get(guildId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.write(guildId, patch));
    const settled = next.catch(() => undefined);
    this.locks.set(guildId, settled);
    void settled.then(() => this.locks.get(guildId) === settled && this.locks.delete(guildId));
    return next;
  }

  private async write(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettingsView> {
    const row = await this.orm.em.fork().transactional(async (em) => {
      const saved = await em.upsert(GuildSettings, { guildId, ...patch, updatedAt: new Date() });
      await ChangeFeed.publish(em, { guildId, scope: 'settings' });
      return saved;
    });
    const view = { prefix: row.prefix, logChannelId: row.logChannelId };
    this.cache.set(guildId, view);
    return view;
  }
}
