import { container } from '@sapphire/framework';

/**
 * Runs deliveries a few at a time in this process. The scheduled-task worker handles one job at a time,
 * so the task only hands its reminder over and returns; the row's state, not the job, guards the work.
 */
export class Dispatcher {
  private running = 0;
  private readonly waiting: (() => Promise<void>)[] = [];

  public constructor(private readonly concurrency: () => number) {}

  public enqueue(work: () => Promise<void>): void {
    this.waiting.push(work);
    this.pump();
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
