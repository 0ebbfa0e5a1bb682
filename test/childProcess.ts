import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

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
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
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
