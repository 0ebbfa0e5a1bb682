import { container } from '@sapphire/framework';

/**
 * Runs deliveries a few at a time in this process. The scheduled-task worker handles one job at a time,
 * so the task only hands its reminder over and returns; the row's state, not the job, guards the work.
 */
export class Dispatcher {
  private running = 0;
  private stopped = false;
  private readonly waiting: (() => Promise<void>)[] = [];

  public constructor(private readonly concurrency: () => number) {}

  public enqueue(work: () => Promise<void>): void {
    // Once stopping, work is left to its row: unclaimed rows stay pending for the next reconcile or cleanup.
    if (this.stopped) return;
    this.waiting.push(work);
    this.pump();
  }

  /**
   * At shutdown: takes nothing new and drops what has not started, so no row is claimed and then
   * abandoned; deliveries already running finish. Nothing waiting was claimed yet, so nothing is lost.
   */
  public stop(): void {
    this.stopped = true;
    this.waiting.length = 0;
  }

  public get busy(): number {
    return this.running + this.waiting.length;
  }

  private pump(): void {
    while (this.running < this.concurrency() && this.waiting.length > 0) {
      const work = this.waiting.shift()!;
      this.running++;
      void work()
        .catch((error) => container.logger.error('reminders: a delivery failed unexpectedly', error))
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }
}
