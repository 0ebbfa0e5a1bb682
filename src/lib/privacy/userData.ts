import { container } from '@sapphire/framework';
import { SystemLog } from '../database/entities';
import { logger } from '../logging/logger';

export interface UserDataExport {
  userId: string;
  exportedAt: string;
  core: { systemLog: { guildId: string | null; type: string; title: string; createdAt: Date }[] };
  plugins: Record<string, unknown>;
  /** Plugins that failed or are not running: any data they hold is not in this file. */
  errors: string[];
}

/** Plugins that failed to load may still hold data from earlier runs; they can't be asked now. */
const notRunning = () => container.mellow.plugins.failed.map((plugin) => plugin.name);

/** Everything Mellow stores about one user: the core's records and every plugin's export hook. */
export async function exportUserData(userId: string): Promise<UserDataExport> {
  const { orm, plugins } = container.mellow;
  const logs = await orm.em.fork().find(SystemLog, { userId }, { orderBy: { createdAt: 'asc' }, limit: 10_000 });
  const result: UserDataExport = {
    userId,
    exportedAt: new Date().toISOString(),
    core: { systemLog: logs.map(({ guildId, type, title, createdAt }) => ({ guildId, type, title, createdAt })) },
    plugins: {},
    errors: notRunning(),
  };
  for (const plugin of plugins.active) {
    const hook = plugin.manifest.hooks?.exportUserData;
    if (!hook) continue;
    try {
      result.plugins[plugin.name] = await hook(userId, plugin.context);
    } catch (error) {
      logger.error(`The ${plugin.name} plugin could not export data for a user`, { error });
      result.errors.push(plugin.name);
    }
  }
  return result;
}

export interface UserDataDeletion {
  removed: Record<string, number>;
  errors: string[];
}

/**
 * Erases a user's data in every plugin. The core's event log keeps the events (server admins rely
 * on them) but no longer says who the user was.
 */
export async function deleteUserData(userId: string): Promise<UserDataDeletion> {
  const { orm, plugins } = container.mellow;
  const removed: Record<string, number> = {};
  const errors = notRunning();
  removed.core = await orm.em.fork().nativeUpdate(SystemLog, { userId }, { userId: null });
  for (const plugin of plugins.active) {
    const hook = plugin.manifest.hooks?.deleteUserData;
    if (!hook) continue;
    try {
      removed[plugin.name] = await hook(userId, plugin.context);
    } catch (error) {
      logger.error(`The ${plugin.name} plugin could not delete data for a user`, { error });
      errors.push(plugin.name);
    }
  }
  return { removed, errors };
}
