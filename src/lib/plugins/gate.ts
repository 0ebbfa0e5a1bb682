import { Guild, type Interaction } from 'discord.js';
import { replyPrivately } from '../discord/replies';
import type { Piece } from '@sapphire/framework';
import type { Metrics } from '../http/metrics';
import type { ActivePlugin } from './LoadedPlugin';
import type { PluginRegistry } from './PluginRegistry';
import type { PluginStateService } from './PluginStateService';

export type GatedKind = 'command' | 'autocomplete' | 'component' | 'listener' | 'task';

/** The refusal every gated piece gives, word for word. */
export const disabledNotice = (plugin: string) =>
  `The *${plugin}* plugin is disabled on this server. An admin can enable it with \`/plugins enable ${plugin}\`.`;

type GuildCarrier = { guildId?: unknown; guild?: { id?: unknown } | null; message?: GuildCarrier | null };

/** The guild id an object carries itself, or through the message it is about (reactions). */
function guildIdIn(value: GuildCarrier, depth = 0): string | null {
  if (typeof value.guildId === 'string') return value.guildId;
  if (value.guild && typeof value.guild.id === 'string') return value.guild.id;
  if (depth === 0 && value.message && typeof value.message === 'object') return guildIdIn(value.message, 1);
  return null;
}

/** The guild an event is about: the first argument that is a Guild or carries a guild id. */
export function guildIdOf(args: readonly unknown[]): string | null {
  for (const arg of args) {
    if (arg instanceof Guild) return arg.id;
    if (arg && typeof arg === 'object') {
      const found = guildIdIn(arg as GuildCarrier);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The one switch: answers whether a piece may act in a guild. It reads memory only, so it costs
 * nothing on the hot path.
 */
export class PluginGate {
  public constructor(
    private readonly registry: PluginRegistry,
    private readonly states: PluginStateService,
    private readonly metrics?: Metrics,
  ) {}

  /** The piece's plugin when that plugin is off in this guild; null when the piece may run. */
  public blockedBy(piece: Piece, guildId: string | null, kind: GatedKind): ActivePlugin | null {
    const owner = this.registry.ownerOf(piece);
    return owner && this.blocks(owner, guildId, kind) ? owner : null;
  }

  /** Whether a plugin is off in this guild (counted in the metrics when it is). */
  public blocks(plugin: ActivePlugin, guildId: string | null, kind: GatedKind): boolean {
    if (this.states.isEnabled(plugin, guildId)) return false;
    this.metrics?.gatedEvents.inc({ plugin: plugin.name, kind });
    return true;
  }

  /** Tells the user why nothing happened: an empty list for autocomplete, an ephemeral notice otherwise. */
  public async refuse(interaction: Interaction, plugin: ActivePlugin): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (interaction.isRepliable()) await replyPrivately(interaction, disabledNotice(plugin.name));
  }
}
