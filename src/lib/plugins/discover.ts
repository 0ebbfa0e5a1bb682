import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { codeRoot } from '../paths';
import type { LoadedPlugin } from './LoadedPlugin';

const entryIn = (dir: string) =>
  ['index.ts', 'index.js'].map((file) => join(dir, file)).find((file) => existsSync(file));

/** Built-in plugins: every folder under plugins/ with an index file. */
function builtInPlugins(): LoadedPlugin[] {
  const root = join(codeRoot, 'plugins');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entryIn(join(root, entry.name)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => ({
      name: entry.name,
      source: `plugins/${entry.name}`,
      builtIn: true,
      dir: join(root, entry.name),
      status: 'loaded' as const,
    }));
}

/** An extra plugin from PLUGINS: a path (./x, /x) or an npm package name, resolved from the working directory. */
function externalPlugin(spec: string, cwd: string): LoadedPlugin {
  const isPath = spec.startsWith('.') || spec.startsWith('/');
  // Until its manifest names it, a plugin is known by its folder or package name.
  const base = {
    name: isPath ? basename(resolve(cwd, spec)) : spec,
    source: spec,
    builtIn: false,
    status: 'loaded' as const,
  };
  try {
    const entry = require.resolve(isPath ? resolve(cwd, spec) : spec, { paths: [cwd] });
    return { ...base, dir: dirname(entry) };
  } catch {
    const hint = isPath ? 'check the path' : `install it first with npm install ${spec}`;
    return { ...base, dir: cwd, status: 'failed', error: `could not find ${spec}: ${hint}` };
  }
}

/** Every plugin the bot should try to load, built-in first, in a stable order. */
export function discoverPlugins(extra: string[], cwd = process.cwd()): LoadedPlugin[] {
  return [...builtInPlugins(), ...extra.map((spec) => externalPlugin(spec, cwd))];
}
