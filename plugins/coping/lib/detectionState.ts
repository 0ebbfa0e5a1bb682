import type { EntityManager } from '@mikro-orm/core';
import { container } from '@sapphire/framework';
import { CopingGuildSettings } from '../entities/CopingGuildSettings';
import { CopingOptOut } from '../entities/CopingOptOut';

export interface GuildDetection {
  guildId: string;
  alertChannelId: string | null;
  country: string | null;
  retainText: boolean;
}

/**
 * What the message listener needs, in memory: the guilds with detection on and the users who opted
 * out. The listener never queries the database per message; it reads this. A change made in this
 * process applies at once; other processes reload the whole snapshot once it is older than the TTL.
 */
export class DetectionState {
  private guilds = new Map<string, GuildDetection>();
  private optedOut = new Set<string>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  public constructor(
    private readonly em: () => EntityManager,
    private readonly ttlMs: () => number,
  ) {}

  public async reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const em = this.em();
        const [settings, optOuts] = await Promise.all([
          em.find(CopingGuildSettings, { detection: true }),
          em.find(CopingOptOut, {}, { fields: ['userId'] }),
        ]);
        this.guilds = new Map(settings.map((row) => [row.guildId, toDetection(row)]));
        this.optedOut = new Set(optOuts.map((row) => row.userId));
        this.loadedAt = Date.now();
      } catch (error) {
        // Keep the last good snapshot; the next message tries again.
        container.logger.warn('coping: could not reload detection settings', error);
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /** The guild's detection settings when detection is on there; synchronous. */
  public guild(guildId: string): GuildDetection | undefined {
    this.refreshIfStale();
    return this.guilds.get(guildId);
  }

  public isOptedOut(userId: string): boolean {
    return this.optedOut.has(userId);
  }

  public applyGuild(row: CopingGuildSettings): void {
    if (row.detection) this.guilds.set(row.guildId, toDetection(row));
    else this.guilds.delete(row.guildId);
  }

  public applyOptOut(userId: string, optedOut: boolean): void {
    if (optedOut) this.optedOut.add(userId);
    else this.optedOut.delete(userId);
  }

  private refreshIfStale(): void {
    if (Date.now() - this.loadedAt > this.ttlMs() && !this.loading) void this.reload();
  }
}

const toDetection = (row: CopingGuildSettings): GuildDetection => ({
  guildId: row.guildId,
  alertChannelId: row.alertChannelId,
  country: row.country,
  retainText: row.retainText,
});
