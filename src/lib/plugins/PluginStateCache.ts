export interface PluginStateRow {
  guildId: string;
  plugin: string;
  enabled: boolean;
}

/**
 * The per-guild plugin switches, held in memory so the gate never waits for the database. A guild
 * with no row for a plugin gets that plugin's default.
 */
export class PluginStateCache {
  private readonly guilds = new Map<string, Map<string, boolean>>();

  public isEnabled(plugin: string, defaultEnabled: boolean, guildId: string | null): boolean {
    if (guildId === null) return true;
    return this.guilds.get(guildId)?.get(plugin) ?? defaultEnabled;
  }

  public replaceAll(rows: PluginStateRow[]): void {
    this.guilds.clear();
    for (const row of rows) this.set(row);
  }

  public replaceGuild(guildId: string, rows: PluginStateRow[]): void {
    this.guilds.delete(guildId);
    for (const row of rows) this.set(row);
  }

  public set({ guildId, plugin, enabled }: PluginStateRow): void {
    let states = this.guilds.get(guildId);
    if (!states) this.guilds.set(guildId, (states = new Map()));
    states.set(plugin, enabled);
  }
}
