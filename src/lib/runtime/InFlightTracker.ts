import { Events, type SapphireClient } from '@sapphire/framework';

const pairs = [
  [Events.ChatInputCommandRun, Events.ChatInputCommandFinish],
  [Events.MessageCommandRun, Events.MessageCommandFinish],
  [Events.ContextMenuCommandRun, Events.ContextMenuCommandFinish],
] as const;

/** Counts commands that are running, so shutdown can wait for them. */
export class InFlightTracker {
  private count = 0;
  private waiters: (() => void)[] = [];

  public get running(): number {
    return this.count;
  }

  public attach(client: SapphireClient): void {
    for (const [start, finish] of pairs) {
      client.on(start, () => this.count++);
      client.on(finish, () => this.done());
    }
  }

  /** Resolves when nothing is running, or after `timeoutMs`. Returns how many were still running. */
  public async drain(timeoutMs: number): Promise<number> {
    if (this.count === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
    return this.count;
  }

  private done(): void {
    this.count = Math.max(0, this.count - 1);
    if (this.count > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
