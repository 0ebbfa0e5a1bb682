import { relative } from 'node:path';
import type { AutocompleteInteraction, Interaction } from 'discord.js';
import type { Command, InteractionHandler, Piece, Store, StoreRegistry } from '@sapphire/framework';
import type { GuildCommandSync } from './GuildCommandSync';
import type { ActivePlugin } from './LoadedPlugin';
import { logger } from '../logging/logger';
import { codeRoot } from '../paths';
import { type PluginGate, guildIdOf } from './gate';
import type { PluginRegistry } from './PluginRegistry';

type AnyFunction = (...args: unknown[]) => unknown;
type Patchable = Record<string, AnyFunction | undefined>;

/** Two pieces with one name in one store: Sapphire would silently keep only the last. */
export class PieceNameCollisionError extends Error {
  public constructor(store: string, first: Piece, second: Piece, registry: PluginRegistry) {
    const describe = (piece: Piece) => {
      const owner = registry.ownerOf(piece);
      return `${relative(codeRoot, piece.location.full) || piece.location.full} (${owner ? `plugin ${owner.name}` : 'core'})`;
    };
    super(
      `Two pieces in the "${store}" store are both named "${first.name}": ${describe(first)} and ${describe(second)}. ` +
        'Rename one of them; prefix listener and handler names with the plugin name.',
    );
    this.name = 'PieceNameCollisionError';
  }
}

/** Replaces a method on one piece instance with a guarded version. The class is left alone. */
function guard(piece: Piece, method: string, wrap: (original: AnyFunction) => AnyFunction): void {
  const target = piece as unknown as Patchable;
  const original = target[method];
  if (typeof original === 'function') target[method] = wrap(original.bind(piece));
}

/**
 * Gates a plugin piece by the guild its work is for. Commands themselves are gated by the
 * PluginEnabled precondition (which gives a proper denial); everything Sapphire's preconditions
 * never see is gated here. Core pieces are never wrapped, so they pay nothing.
 */
function gatePiece(store: Store<Piece>, piece: Piece, plugin: ActivePlugin, gate: PluginGate): void {
  switch (store.name as string) {
    case 'listeners':
      return guard(
        piece,
        'run',
        (run) =>
          (...args) =>
            gate.blocks(plugin, guildIdOf(args), 'listener') ? undefined : run(...args),
      );
    case 'scheduled-tasks':
      return guard(piece, 'run', (run) => (payload) => {
        if (!gate.blocks(plugin, guildIdOf([payload]), 'task')) return run(payload);
        logger.debug(`Skipped task ${piece.name}: the ${plugin.name} plugin is off in that guild`);
        return undefined;
      });
    case 'commands':
      return guard(piece, 'autocompleteRun', (run) => async (interaction) => {
        const { guildId } = interaction as AutocompleteInteraction;
        return gate.blocks(plugin, guildId, 'autocomplete')
          ? gate.refuse(interaction as Interaction, plugin)
          : run(interaction);
      });
    case 'interaction-handlers':
      // Parse first: only the handler that claims the interaction may refuse it.
      return guard(piece, 'parse', (parse) => async (interaction) => {
        const result = (await parse(interaction)) as ReturnType<InteractionHandler['none']>;
        if (result.isNone() || !gate.blocks(plugin, (interaction as Interaction).guildId, 'component')) return result;
        await gate.refuse(interaction as Interaction, plugin);
        return (piece as InteractionHandler).none();
      });
    default:
      return undefined;
  }
}

/**
 * The central hook: every store's loader strategy sees each piece as it is inserted. There we
 * refuse duplicate names and wrap plugin pieces with the gate, so a piece author writes no check.
 * With guild-scoped commands, plugin commands are also handed to the guild command sync here.
 * Call after every store is registered (scheduled-tasks included) and before `login()`.
 */
export function installStoreHooks(
  stores: StoreRegistry,
  registry: PluginRegistry,
  gate: PluginGate,
  guildCommands: GuildCommandSync | null,
): void {
  const patched = new WeakSet<object>();
  for (const store of stores.values() as IterableIterator<Store<Piece>>) {
    const strategy = store.strategy;
    if (patched.has(strategy)) continue;
    patched.add(strategy);
    const onLoad = strategy.onLoad.bind(strategy);
    strategy.onLoad = (target: Store<Piece>, piece: Piece) => {
      const existing = target.get(piece.name);
      // The same file again is a reload, not a collision.
      if (existing && existing.location.full !== piece.location.full)
        throw new PieceNameCollisionError(target.name, existing, piece, registry);
      const owner = registry.ownerOf(piece);
      if (owner) gatePiece(target, piece, owner, gate);
      if (guildCommands && owner && (target.name as string) === 'commands')
        guildCommands.capture(piece as Command, owner.name);
      onLoad(target, piece);
    };
  }
}
