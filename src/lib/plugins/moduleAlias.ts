import Module from 'node:module';
import { resolve } from 'node:path';
import { codeRoot } from '../paths';

const aliases: Record<string, string> = {
  mellow: resolve(codeRoot, 'src/api'),
  'mellow/testkit': resolve(codeRoot, 'src/testkit'),
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
let installed = false;

/**
 * Lets external plugins `import { definePlugin } from 'mellow'` without installing a second copy of
 * the core: the running bot answers for that name. A second copy would bring its own Sapphire
 * container and silently break every piece.
 */
export function installMellowModuleAlias(): void {
  if (installed) return;
  installed = true;
  const original = moduleWithResolver._resolveFilename;
  moduleWithResolver._resolveFilename = function resolveWithAlias(request, ...rest) {
    const target = aliases[request];
    return original.call(this, target ?? request, ...rest);
  };
}
