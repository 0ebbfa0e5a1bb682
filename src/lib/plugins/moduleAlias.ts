import Module from 'node:module';
import { resolve } from 'node:path';
import { codeRoot, projectRoot } from '../paths';

const aliases: Record<string, string> = {
  mellow: resolve(codeRoot, 'src/api'),
  'mellow/testkit': resolve(codeRoot, 'src/testkit'),
};

type Resolve = (request: string, parent?: unknown, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
let installed = false;

const isRelative = (request: string) => request.startsWith('.') || request.startsWith('/');

/**
 * Lets external plugins `import { definePlugin } from 'mellow'` without installing a second copy of
 * the core: the running bot answers for that name. A second copy would bring its own Sapphire
 * container and silently break every piece. Packages a plugin can't find itself come from the bot.
 */
export function installMellowModuleAlias(): void {
  if (installed) return;
  installed = true;
  const original = moduleWithResolver._resolveFilename;
  moduleWithResolver._resolveFilename = function resolveWithAlias(request, parent, ...rest) {
    const target = aliases[request];
    if (target) return original.call(this, target, parent, ...rest);
    try {
      return original.call(this, request, parent, ...rest);
    } catch (error) {
      // A plugin folder outside the bot has no node_modules of its own: let it use the bot's
      // packages (its peer dependencies), which also keeps one Sapphire container.
      if (isRelative(request)) throw error;
      return original.call(this, request, parent, false, { paths: [projectRoot] });
    }
  };
}
