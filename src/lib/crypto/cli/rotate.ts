import { isActive } from '../../plugins/LoadedPlugin';
import { withDatabase } from '../../database/cli/withDatabase';
import { secretBox } from '..';

/**
 * npm run crypto:rotate — after a new ENCRYPTION_KEY, asks every plugin to re-seal what an older
 * key sealed. Safe to run again: a second run finds nothing stale.
 */
void withDatabase(async ({ registry }) => {
  console.log(`Current key: ${secretBox().keyId}`);
  let failures = registry.failed.length;
  for (const plugin of registry.failed)
    console.log(`${plugin.name}: not loaded (${plugin.error}); run again once fixed`);
  for (const plugin of registry.all.filter(isActive)) {
    const reseal = plugin.manifest.hooks?.resealSecrets;
    if (!reseal) continue;
    try {
      console.log(`${plugin.name}: re-sealed ${await reseal(plugin.context)} value(s)`);
    } catch (error) {
      failures++;
      console.log(`${plugin.name}: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures > 0 ? 1 : 0;
});
