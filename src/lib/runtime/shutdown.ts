import { logger } from '../logging/logger';

export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown> | unknown;
  /** This step's own deadline, when it needs longer than the default. */
  timeoutMs?: number;
}

const STEP_TIMEOUT_MS = 5000;

/**
 * Runs shutdown steps in order, each with a deadline, so one stuck dependency (a Redis that went
 * away, a hung socket) can't keep the process alive. Returns the steps that failed or timed out.
 */
export async function runShutdown(steps: ShutdownStep[], timeoutMs = STEP_TIMEOUT_MS): Promise<string[]> {
  const problems: string[] = [];
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const limit = step.timeoutMs ?? timeoutMs;
    const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limit)));
    try {
      const outcome = await Promise.race([Promise.resolve().then(step.run), deadline]);
      if (outcome === 'timeout') {
        problems.push(step.name);
        logger.warn(`Shutdown: ${step.name} did not finish within ${limit} ms; moving on`);
      } else {
        logger.debug(`Shutdown: ${step.name} done`);
      }
    } catch (error) {
      problems.push(step.name);
      logger.warn(`Shutdown: ${step.name} failed`, { error });
    } finally {
      clearTimeout(timer);
    }
  }
  return problems;
}

/**
 * What startup has opened so far, closed in reverse order: by `stop()`, or at once when a later
 * startup step fails, so a failed start leaves no database server or connection behind.
 */
export class OpenResources {
  private readonly steps: ShutdownStep[] = [];

  public add(name: string, run: ShutdownStep['run']): void {
    this.steps.push({ name, run });
  }

  /** Newest first. */
  public closing(): ShutdownStep[] {
    return [...this.steps].reverse();
  }
}
