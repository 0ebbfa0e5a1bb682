import { randomBytes } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Reply, Request, SnapshotReply, StatsReply } from './protocol';

export const ROOT = resolve(__dirname, '../..');
const KEEP_OUTPUT = 20_000;

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

/** One bot in its own Node process (`node -r tsx/cjs <file>`), driven over IPC. */
export class BotProcess {
  /** Resolves with the exit code (or signal) when the process ends. */
  public readonly exited: Promise<string>;
  private output = '';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private alive = true;

  private constructor(
    public readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-KEEP_OUTPUT));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (reply: Reply) => {
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    this.exited = new Promise((done) =>
      child.on('exit', (code, signal) => {
        this.alive = false;
        const how = signal ?? `code ${String(code)}`;
        for (const p of this.pending.values()) p.reject(new Error(`${name} bot exited (${how})`));
        this.pending.clear();
        done(how);
      }),
    );
  }

  /** Starts a TypeScript file of this repo with a clean environment (PATH and HOME only, plus `env`). */
  public static start(name: string, file: string, env: Record<string, string>): BotProcess {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', resolve(ROOT, file)], {
      cwd: ROOT,
      // A throwaway encryption key, so a benchmark never creates or reads ./data/encryption.key.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    return new BotProcess(name, child);
  }

  /** The last lines the bot printed (for error reports). */
  public get recentOutput(): string {
    return this.output.trim();
  }

  public stats(timeoutMs = 240_000): Promise<StatsReply> {
    return this.request('stats', timeoutMs) as Promise<StatsReply>;
  }

  public snapshot(timeoutMs = 10_000): Promise<SnapshotReply> {
    return this.request('snapshot', timeoutMs) as Promise<SnapshotReply>;
  }

  /** Rejects as soon as the process exits: race it against work that needs the bot. */
  public diesFirst(): Promise<never> {
    return this.exited.then((how) => {
      throw new Error(`The ${this.name} bot exited (${how}) during the benchmark.\n${this.recentOutput}`);
    });
  }

  /** SIGTERM (the bot shuts down cleanly), then SIGKILL after `graceMs`. */
  public async stop(graceMs = 15_000): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private request(type: Request['type'], timeoutMs: number): Promise<Reply> {
    if (!this.alive) return Promise.reject(new Error(`The ${this.name} bot is not running`));
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`The ${this.name} bot did not answer '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          fn(value);
        };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      this.child.send({ id, type } satisfies Request);
    });
  }
}
