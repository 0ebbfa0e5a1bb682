import type { z } from 'zod';

/** A configuration problem an operator can fix. Its message is meant to be printed as is, without a stack. */
export class ConfigError extends Error {
  public constructor(public readonly problems: string[]) {
    super(
      [
        `Mellow can't start: ${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} wrong.`,
        ...problems.map((problem) => `  - ${problem}`),
        'Fix them in .env or the environment (every key is explained in .env.example), then start again.',
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Names the key and the rule it broke, never the value it had. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join('.') || 'config'} ${issue.message}`);
}
