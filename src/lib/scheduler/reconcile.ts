import { logger } from '../logging/logger';
import type { ActivePlugin } from '../plugins/LoadedPlugin';
import type { PluginRegistry } from '../plugins/PluginRegistry';

/** Per plugin: the pass now running, and whether another was asked for meanwhile. */
const passes = new Map<string, { running: Promise<void>; again: boolean }>();

/**
 * Asks every plugin to make sure each pending row has exactly one job. Runs at ready and whenever
 * Redis comes back, since Postgres is the truth and Redis may have lost everything.
 *
 * Plugins run side by side, so one waiting on a slow Redis never holds up the others. A plugin's
 * passes never overlap: a request that arrives while its pass runs is folded into one more pass
 * afterwards, because Redis may have come back after that pass had already looked.
 */
export async function reconcileScheduledWork(registry: PluginRegistry): Promise<void> {
  await Promise.all(registry.active.filter((plugin) => plugin.manifest.hooks?.reconcile).map(requestPass));
}

function requestPass(plugin: ActivePlugin): Promise<void> {
  const current = passes.get(plugin.name);
  if (current) {
    current.again = true;
    return current.running;
  }
  const pass = { running: Promise.resolve(), again: false };
  pass.running = (async () => {
    do {
      pass.again = false;
      await runHook(plugin);
    } while (pass.again);
    passes.delete(plugin.name);
  })();
  passes.set(plugin.name, pass);
  return pass.running;
}

async function runHook(plugin: ActivePlugin): Promise<void> {
  try {
    await plugin.manifest.hooks!.reconcile!(plugin.context);
  } catch (error) {
    logger.error(`The ${plugin.name} plugin could not reconcile its scheduled work`, { error });
  }
}
