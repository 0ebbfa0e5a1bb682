import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The folder that holds `src/` and `plugins/`: the project root when running TypeScript through tsx,
 * `dist/` when running the build.
 */
export const codeRoot = resolve(__dirname, '../..');

/** The project root, where package.json, data/ and .env live. */
export const projectRoot = resolve(codeRoot, codeRoot.endsWith('dist') ? '..' : '.');

export const CORE_VERSION: string = (
  JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;
