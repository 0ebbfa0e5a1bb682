import { Guild, type Interaction, MessageFlags } from 'discord.js';
import type { Piece } from '@sapphire/framework';
import type { Metrics } from '../http/metrics';
import type { ActivePlugin } from './LoadedPlugin';
import type { PluginRegistry } from './PluginRegistry';
import type { PluginStateService } from './PluginStateService';

export type GatedKind = 'command' | 'autocomplete' | 'component' | 'listener' | 'task';

/** The refusal every gated piece gives, word for word. */
export const disabledNotice = (plugin: string) =>
  `The *${plugin}* plugin is disabled on this server. An admin can enable it with \`/plugins enable ${plugin}\`.`;

/** The guild an event is about: the first argument that is a Guild or carries a guild id. */
export function guildIdOf(args: readonly unknown[]): string | null {
  for (const arg of args) {
    if (arg instanceof Guild) return arg.id;
    if (arg && typeof arg === 'object') {
      const { guildId, guild } = arg as { guildId?: unknown; guild?: { id?: unknown } | null };
      if (typeof guildId === 'string') return guildId;
      if (guild && typeof guild.id === 'string') return guild.id;
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
    if (!owner || this.states.isEnabled(owner, guildId)) return null;
    this.metrics?.gatedEvents.inc({ plugin: owner.name, kind });
    return owner;
  }

  /** Tells the user why nothing happened: an empty list for autocomplete, an ephemeral notice otherwise. */
  public async refuse(interaction: Interaction, plugin: ActivePlugin): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable() || interaction.replied || interaction.deferred) return;
    await interaction.reply({
      content: disabledNotice(plugin.name),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  }
}
