import semver from 'semver';
import { CORE_VERSION } from '../paths';
import type { PluginManifest } from './definePlugin';
import { failPlugin, type LoadedPlugin } from './LoadedPlugin';
import { manifestSchema } from './manifestSchema';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Imports a plugin's manifest and checks it: shape, core version, unique name and config. Any
 * problem marks the plugin failed with the reason; nothing here throws.
 */
export function importManifest(plugin: LoadedPlugin, takenNames: Set<string>, env: NodeJS.ProcessEnv): void {
  if (plugin.status === 'failed') return;
  let exported: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
    const module = require(plugin.dir) as { default?: unknown };
    exported = module.default ?? module;
  } catch (error) {
    return failPlugin(plugin, `its index threw while loading: ${reasonOf(error)}`);
  }
  const parsed = manifestSchema.safeParse(exported);
  if (!parsed.success) {
    return failPlugin(plugin, `bad manifest: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  const manifest = exported as PluginManifest;
  plugin.name = manifest.name;
  plugin.manifest = manifest;
  if (!semver.satisfies(CORE_VERSION, manifest.core, { includePrerelease: true })) {
    return failPlugin(plugin, `needs Mellow core ${manifest.core}, but this is ${CORE_VERSION}`);
  }
  if (takenNames.has(manifest.name)) {
    return failPlugin(plugin, `another plugin is already named "${manifest.name}"`);
  }
  takenNames.add(manifest.name);
  const config = manifest.config?.safeParse(env);
  if (config && !config.success) {
    const problems = config.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    return failPlugin(plugin, `bad config: ${problems.join('; ')}`);
  }
  plugin.config = config?.data;
}
