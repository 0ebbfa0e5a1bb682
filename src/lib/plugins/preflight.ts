import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { failPlugin, type LoadedPlugin } from './LoadedPlugin';

function pieceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Imports every piece file of a plugin before Sapphire does. Sapphire logs a piece that throws on
 * import and carries on, which would leave half a plugin running; here the whole plugin fails
 * instead, with the file named. Node's module cache makes Sapphire's own import free afterwards.
 */
export function preflightPieces(plugin: LoadedPlugin, storeNames: Iterable<string>): void {
  if (plugin.status === 'failed') return;
  for (const store of storeNames) {
    for (const file of pieceFiles(join(plugin.dir, store))) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time
        require(file);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return failPlugin(plugin, `${relative(plugin.dir, file)} threw while loading: ${reason}`);
      }
    }
  }
}
