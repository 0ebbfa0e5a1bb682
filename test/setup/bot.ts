import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestBot, type TestBot } from '../../src/testkit/startTestBot';
import { TEST_ENCRYPTION_KEY as ENCRYPTION_KEY } from '../childProcess';

/** The plugins every test run loads: working fixtures, broken ones, and the example package. */
export const FIXTURE_PLUGINS = [
  resolve(__dirname, '../fixtures/plugins/gated'),
  resolve(__dirname, '../fixtures/plugins/broken-import'),
  resolve(__dirname, '../fixtures/plugins/bad-core'),
  resolve(__dirname, '../fixtures/plugins/failing-migration'),
  resolve(__dirname, '../fixtures/plugins/piece-throws'),
];

/** The example package, copied outside the bot's folder as an installed third-party plugin would be. */
const externalDice = join(tmpdir(), `mellow-plugin-dice-${process.pid}`);

/**
 * A built-in plugin's tests may need config and fakes (a fake API, fixed staff ids) before the
 * shared bot starts: `plugins/<name>/test/env.ts` exports `testEnv()` and optionally `stopTestEnv()`.
 */
interface PluginTestEnv {
  testEnv?: () => Promise<Record<string, string>> | Record<string, string>;
  stopTestEnv?: () => Promise<void> | void;
}

const pluginsRoot = resolve(__dirname, '../../plugins');

function pluginTestEnvModules(): PluginTestEnv[] {
  if (!existsSync(pluginsRoot)) return [];
  return (
    readdirSync(pluginsRoot)
      .sort()
      .map((name) => join(pluginsRoot, name, 'test', 'env.ts'))
      .filter((file) => existsSync(file))
      // A synchronous load, so stopBot() reaches the same module instances that testEnv() set up.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      .map((file) => require(file) as PluginTestEnv)
  );
}

async function pluginTestEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const module of pluginTestEnvModules()) Object.assign(env, await module.testEnv?.());
  return env;
}

let current: TestBot | undefined;
let starting: Promise<TestBot> | undefined;

/** The one bot of this test run (only one SapphireClient works per process). */
export function ensureBot(): Promise<TestBot> {
  cpSync(resolve(__dirname, '../../examples/mellow-plugin-dice'), externalDice, { recursive: true });
  starting ??= pluginTestEnv()
    .then((env) => startTestBot({ plugins: [...FIXTURE_PLUGINS, externalDice], env: { ENCRYPTION_KEY, ...env } }))
    .then((bot) => (current = bot));
  return starting;
}

export function bot(): TestBot {
  if (!current) throw new Error('The test bot is not running: call ensureBot() in a before hook');
  return current;
}

export async function stopBot(): Promise<void> {
  await current?.stop();
  for (const module of pluginTestEnvModules()) await module.stopTestEnv?.();
  rmSync(externalDice, { recursive: true, force: true });
  current = undefined;
  starting = undefined;
}
