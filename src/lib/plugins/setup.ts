import type { AnyEntity, EntityClass } from '@mikro-orm/core';
import type { MellowConfig } from '../../../config';
import { coreEntities } from '../database/entities';
import { runMigrations } from '../database/migrator';
import { createOrm, type Orm } from '../database/orm';
import { logger } from '../logging/logger';
import { codeRoot } from '../paths';
import { discoverPlugins } from './discover';
import { importManifest } from './importManifest';
import { failPlugin, isLoading, type LoadedPlugin } from './LoadedPlugin';
import { PluginRegistry } from './PluginRegistry';
import { preflightPieces } from './preflight';
import { resolve } from 'node:path';

/** The folders Sapphire looks for pieces in, under a plugin's folder. */
export const PIECE_FOLDERS = [
  'commands',
  'listeners',
  'preconditions',
  'interaction-handlers',
  'scheduled-tasks',
  'arguments',
];

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const entitiesOf = (plugins: LoadedPlugin[]): EntityClass<AnyEntity>[] => [
  ...coreEntities,
  ...plugins.filter(isLoading).flatMap((plugin) => plugin.manifest.entities ?? []),
];

/**
 * One ORM for the core and every plugin. When a plugin's entities break discovery, find which
 * plugin it is, fail that one, and go on without it.
 */
async function createSharedOrm(url: string, plugins: LoadedPlugin[]): Promise<Orm> {
  try {
    return await createOrm({ url, entities: entitiesOf(plugins) });
  } catch (error) {
    let culprits = 0;
    for (const plugin of plugins.filter(isLoading)) {
      if (!plugin.manifest.entities?.length) continue;
      try {
        await (await createOrm({ url, entities: entitiesOf([plugin]), connect: false })).close();
      } catch (pluginError) {
        failPlugin(plugin, `its entities are invalid: ${reasonOf(pluginError)}`);
        culprits++;
      }
    }
    if (culprits === 0) throw error;
    return createOrm({ url, entities: entitiesOf(plugins) });
  }
}

export interface PluginSetup {
  orm: Orm;
  registry: PluginRegistry;
}

/** Applies the core's migrations (fatal on failure), then each plugin's (fails only that plugin). */
async function migrate(orm: Orm, plugins: LoadedPlugin[]): Promise<void> {
  const ran = await runMigrations(orm, { owner: 'core', path: resolve(codeRoot, 'migrations') });
  if (ran.length > 0) logger.info(`Applied ${ran.length} core migration(s)`);
  for (const plugin of plugins.filter(isLoading)) {
    if (!plugin.manifest.migrations) continue;
    try {
      const applied = await runMigrations(orm, { owner: plugin.name, path: plugin.manifest.migrations });
      if (applied.length > 0) logger.info(`Applied ${applied.length} migration(s) of the ${plugin.name} plugin`);
    } catch (error) {
      failPlugin(plugin, `a migration failed: ${reasonOf(error)}`);
    }
  }
}

/** Gives each plugin its context and runs its load hook; a hook that throws fails its plugin. */
async function load(orm: Orm, plugins: LoadedPlugin[], runLoadHooks: boolean): Promise<void> {
  for (const plugin of plugins.filter(isLoading)) {
    plugin.context = { config: plugin.config, logger: logger.child({ plugin: plugin.name }), em: () => orm.em.fork() };
    try {
      if (runLoadHooks) await plugin.manifest.hooks?.load?.(plugin.context);
    } catch (error) {
      failPlugin(plugin, `its load hook threw: ${reasonOf(error)}`);
    }
  }
}

function report(plugins: LoadedPlugin[]): void {
  for (const plugin of plugins) {
    if (plugin.status === 'failed') {
      logger.error(`Plugin ${plugin.name} (${plugin.source}) failed to load: ${plugin.error}`);
      continue;
    }
    logger.info(`Plugin ${plugin.name} ${plugin.manifest?.version} loaded`);
    const { entities, hooks } = plugin.manifest ?? {};
    if (entities?.length && !(hooks?.exportUserData && hooks.deleteUserData)) {
      logger.warn(
        `Plugin ${plugin.name} stores data but has no exportUserData/deleteUserData hooks: /privacy can't reach it`,
      );
    }
  }
}

/**
 * Loads every plugin up to the point where its pieces can be registered: manifest, config, piece
 * imports, entities, migrations and its load hook. A plugin failing any step is reported and
 * skipped; the core failing its own migrations is fatal.
 */
export async function setupPlugins(
  config: MellowConfig,
  databaseUrl: string,
  { runLoadHooks = true } = {},
): Promise<PluginSetup> {
  const plugins = discoverPlugins(config.plugins);
  const names = new Set<string>();
  for (const plugin of plugins) {
    importManifest(plugin, names, config.env);
    preflightPieces(plugin, PIECE_FOLDERS);
  }
  const orm = await createSharedOrm(databaseUrl, plugins);
  await migrate(orm, plugins);
  await load(orm, plugins, runLoadHooks);
  report(plugins);
  return { orm, registry: new PluginRegistry(plugins) };
}
