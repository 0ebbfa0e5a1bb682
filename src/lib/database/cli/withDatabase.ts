import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from '../../../../config';
import { createLogger, setLogger } from '../../logging/logger';
import { redactor } from '../../logging/redact';
import { secretsOf } from '../../../../config/build';
import { SecretBox, loadKeys, setSecretBox } from '../../crypto';
import { codeRoot } from '../../paths';
import { installMellowModuleAlias } from '../../plugins/moduleAlias';
import { type PluginSetup, setupPlugins } from '../../plugins/setup';
import { startEmbeddedPostgres } from '../embedded';
import type { MigrationSource } from '../migrator';

/**
 * Runs a database tool with the same config and plugins the bot would load: migrations are
 * applied on the way in, exactly as at startup. Prints operator errors without a stack.
 */
export async function withDatabase(run: (setup: PluginSetup) => Promise<number>): Promise<void> {
  loadDotenv({ quiet: true });
  try {
    const config = loadConfig(process.env, { needsToken: false });
    setLogger(createLogger(config.logLevel, config.logFormat));
    redactor.add(secretsOf(config));
    const keys = loadKeys(config.encryptionKey, config.encryptionOldKeys, config.dataDir);
    setSecretBox(new SecretBox(keys.current, keys.previous));
    installMellowModuleAlias();
    const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
    const setup = await setupPlugins(config, config.databaseUrl ?? embedded!.url, { runLoadHooks: false });
    try {
      process.exitCode = await run(setup);
    } finally {
      await setup.orm.close();
      await embedded?.stop();
    }
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : redactor.redact(String(error))}\n`);
    process.exitCode = 1;
  }
}

/** Every migration folder: the core's first, then each loaded plugin's. */
export function migrationSources({ registry }: PluginSetup): MigrationSource[] {
  return [
    { owner: 'core', path: resolve(codeRoot, 'migrations') },
    ...registry.all.flatMap((plugin) =>
      plugin.manifest?.migrations ? [{ owner: plugin.name, path: plugin.manifest.migrations }] : [],
    ),
  ];
}
