import { resolve } from 'node:path';
import { codeRoot } from '../../paths';
import { withDatabase } from './withDatabase';

/**
 * npm run db:migration:create -- <core|plugin> [name]
 * Migrates the database, then writes the difference between the entities and the schema as a new
 * migration in the owner's folder. The diff covers every entity, so change one owner at a time.
 */
void withDatabase(async ({ orm, registry }) => {
  const [owner, name] = process.argv.slice(2);
  if (!owner) {
    console.error('Name the owner of the migration: npm run db:migration:create -- core (or a plugin name)');
    return 1;
  }
  const folder = owner === 'core' ? resolve(codeRoot, 'migrations') : registry.getActive(owner)?.manifest.migrations;
  if (!folder) {
    const known = registry.active.map((plugin) => plugin.name).join(', ') || 'none';
    console.error(
      `"${owner}" is not a loaded plugin with a migrations folder in its manifest. Loaded plugins: ${known}.`,
    );
    return 1;
  }
  const result = await orm.getMigrator().createMigration(folder, false, false, name ? `${owner}_${name}` : owner);
  if (result.diff.up.length === 0) {
    console.log('The entities already match the database: no migration written.');
    return 0;
  }
  console.log(`Wrote ${resolve(folder, result.fileName)}: review it, then run npm run db:migrate.`);
  return 0;
});
