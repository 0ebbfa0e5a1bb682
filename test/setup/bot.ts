import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestBot, type TestBot } from '../../src/testkit/startTestBot';

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

let current: TestBot | undefined;
let starting: Promise<TestBot> | undefined;

/** The one bot of this test run (only one SapphireClient works per process). */
export function ensureBot(): Promise<TestBot> {
  cpSync(resolve(__dirname, '../../examples/mellow-plugin-dice'), externalDice, { recursive: true });
  starting ??= startTestBot({ plugins: [...FIXTURE_PLUGINS, externalDice] }).then((bot) => (current = bot));
  return starting;
}

export function bot(): TestBot {
  if (!current) throw new Error('The test bot is not running: call ensureBot() in a before hook');
  return current;
}

export async function stopBot(): Promise<void> {
  await current?.stop();
  rmSync(externalDice, { recursive: true, force: true });
  current = undefined;
  starting = undefined;
}
