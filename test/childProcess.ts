import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

/**
 * One key for the whole test run, shared by the test bot and child bots on the same database. Without
 * it, a child would generate one under ./data, and tests must never touch ./data.
 */
export const TEST_ENCRYPTION_KEY = randomBytes(32).toString('hex');
const TEST_DATA_DIR = join(tmpdir(), `mellow-test-data-${process.pid}`);

export interface Child {
  process: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

/** Runs a TypeScript file of this repo in a child Node process, as `npm start` would. */
export function runTs(file: string, env: Record<string, string>, args: string[] = []): Child {
  let output = '';
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', resolve(ROOT, file), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      DATA_DIR: TEST_DATA_DIR,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A test that fails half way must not leave a bot running: mocha --exit would orphan it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exit = new Promise<number | null>((done) =>
    child.on('exit', (code) => {
      process.removeListener('exit', killOnExit);
      done(code);
    }),
  );
  return { process: child, output: () => output, exit };
}
