import { z } from 'zod';
import { configSchema } from './schema';
import { type MellowConfig, buildConfig } from './build';
import { ConfigError, describeIssues } from './errors';

export { ConfigError } from './errors';
export type { MellowConfig } from './build';

/**
 * Reads and validates the core configuration. Throws a {@link ConfigError} that names every bad key
 * (never its value, which may be a secret).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { needsToken = true } = {}): MellowConfig {
  // Database tools (npm run db:*) never talk to Discord.
  const schema = needsToken ? configSchema : configSchema.extend({ DISCORD_TOKEN: z.string().default('') });
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues));
  return buildConfig(parsed.data, env);
}
