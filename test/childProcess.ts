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
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { process: child, output: () => output, exit };
}
