/** Undo steps run in reverse order, each once, each even when an earlier one failed. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];

  /** Registers a step; returns a function that runs it now (and removes it from the list). */
  public add(name: string, run: () => Promise<unknown>): () => Promise<void> {
    const step = { name, run };
    this.steps.push(step);
    return async () => {
      const index = this.steps.indexOf(step);
      if (index === -1) return;
      this.steps.splice(index, 1);
      await step.run();
    };
  }

  public async runAll(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.run();
      } catch (error) {
        console.error(`Cleanup step '${step.name}' failed:`, error instanceof Error ? error.message : error);
      }
    }
  }
}
