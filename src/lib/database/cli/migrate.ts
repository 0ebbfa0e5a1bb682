import { migrationStatus } from '../migrator';
import { migrationSources, withDatabase } from './withDatabase';

/** npm run db:migrate — applies pending migrations (as startup does) and prints where each owner stands. */
void withDatabase(async (setup) => {
  for (const source of migrationSources(setup)) {
    const plugin = setup.registry.get(source.owner);
    if (plugin?.status === 'failed') {
      console.log(`${source.owner}: FAILED — ${plugin.error}`);
      continue;
    }
    const status = await migrationStatus(setup.orm, source);
    console.log(`${source.owner}: ${status.executed.length} applied, ${status.pending.length} pending`);
  }
  const failed = setup.registry.failed;
  for (const plugin of failed)
    if (!plugin.manifest?.migrations) console.log(`${plugin.name}: FAILED — ${plugin.error}`);
  return failed.length > 0 ? 1 : 0;
});
