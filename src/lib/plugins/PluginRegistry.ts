import { sep } from 'node:path';
import type { Piece } from '@sapphire/framework';
import { type ActivePlugin, isActive, type LoadedPlugin } from './LoadedPlugin';

/** Every plugin the bot knows, and which plugin each piece belongs to. */
export class PluginRegistry {
  private readonly owners = new WeakMap<Piece, ActivePlugin | null>();

  public constructor(public readonly all: LoadedPlugin[]) {}

  public get active(): ActivePlugin[] {
    return this.all.filter(isActive);
  }

  public get failed(): LoadedPlugin[] {
    return this.all.filter((plugin) => plugin.status === 'failed');
  }

  public get(name: string): LoadedPlugin | undefined {
    return this.all.find((plugin) => plugin.name === name);
  }

  public getActive(name: string): ActivePlugin | undefined {
    const plugin = this.get(name);
    return plugin && isActive(plugin) ? plugin : undefined;
  }

  /** The plugin a piece belongs to, or null for a core piece. Memoised: this runs on every event. */
  public ownerOf(piece: Piece): ActivePlugin | null {
    const cached = this.owners.get(piece);
    if (cached !== undefined) return cached;
    // Pieces added with container.stores.loadPiece have no folder, so they count as core.
    const full = piece.location.full;
    const owner = this.active.find((plugin) => full.startsWith(plugin.dir + sep)) ?? null;
    this.owners.set(piece, owner);
    return owner;
  }
}
