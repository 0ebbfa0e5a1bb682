import { logger } from '../logging/logger';
import type { PluginRegistry } from '../plugins/PluginRegistry';

/**
 * Asks every plugin to make sure each pending row has exactly one job. Runs at ready and whenever
 * Redis comes back, since Postgres is the truth and Redis may have lost everything.
 */
export async function reconcileScheduledWork(registry: PluginRegistry): Promise<void> {
  for (const plugin of registry.active) {
    const reconcile = plugin.manifest.hooks?.reconcile;
    if (!reconcile) continue;
    try {
      await reconcile(plugin.context);
    } catch (error) {
      logger.error(`The ${plugin.name} plugin could not reconcile its scheduled work`, { error });
    }
  }
}
