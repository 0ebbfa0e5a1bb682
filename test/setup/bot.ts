import { resolve } from 'node:path';
import { startTestBot, type TestBot } from '../../src/testkit/startTestBot';

/** The plugins every test run loads: working fixtures, broken ones, and the example package. */
export const FIXTURE_PLUGINS = [
  resolve(__dirname, '../fixtures/plugins/gated'),
  resolve(__dirname, '../fixtures/plugins/broken-import'),
  resolve(__dirname, '../fixtures/plugins/bad-core'),
  resolve(__dirname, '../fixtures/plugins/failing-migration'),
  resolve(__dirname, '../fixtures/plugins/piece-throws'),
  './examples/mellow-plugin-dice',
];

let current: TestBot | undefined;
let starting: Promise<TestBot> | undefined;

/** The one bot of this test run (only one SapphireClient works per process). */
export function ensureBot(): Promise<TestBot> {
  starting ??= startTestBot({ plugins: FIXTURE_PLUGINS }).then((bot) => (current = bot));
  return starting;
}

export function bot(): TestBot {
  if (!current) throw new Error('The test bot is not running: call ensureBot() in a before hook');
  return current;
}

export async function stopBot(): Promise<void> {
  await current?.stop();
  current = undefined;
  starting = undefined;
}
