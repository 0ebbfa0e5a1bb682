import { aiConfigShape, aiSettings, pluginContext } from 'mellow';
import { z } from 'zod';

const optionalSecret = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const positiveInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

export const configSchema = z
  .object({
    TWITTER_API_KEY: optionalSecret,
    TWITTER_API_SECRET: optionalSecret,
    TWITTER_ACCESS_TOKEN: optionalSecret,
    TWITTER_ACCESS_SECRET: optionalSecret,
    TWITTER_API_URL: z.url().default('https://api.x.com'),
    TWITTER_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    TWITTER_DAILY_CAP: z.coerce.number().int().min(1).default(17),
    TWITTER_MIN_INTERVAL_MINUTES: positiveInt(5),
    TWITTER_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(60),
    TWITTER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    TWITTER_GENERATED_CONTENT: z.stringbool().default(true),
    // Optional: generated recurring content, shared with the coping plugin's AI settings.
    ...aiConfigShape,
  })
  .transform((env) => ({
    app:
      env.TWITTER_API_KEY && env.TWITTER_API_SECRET
        ? { key: env.TWITTER_API_KEY, secret: env.TWITTER_API_SECRET }
        : null,
    botTokens:
      env.TWITTER_ACCESS_TOKEN && env.TWITTER_ACCESS_SECRET
        ? { token: env.TWITTER_ACCESS_TOKEN, secret: env.TWITTER_ACCESS_SECRET }
        : null,
    apiUrl: env.TWITTER_API_URL.replace(/\/+$/, ''),
    timeoutMs: env.TWITTER_TIMEOUT_MS,
    dailyCap: env.TWITTER_DAILY_CAP,
    minIntervalMinutes: env.TWITTER_MIN_INTERVAL_MINUTES,
    retryDelaySeconds: env.TWITTER_RETRY_DELAY_SECONDS,
    maxAttempts: env.TWITTER_MAX_ATTEMPTS,
    ai: env.TWITTER_GENERATED_CONTENT ? aiSettings(env) : null,
  }));

export type TwitterConfig = z.output<typeof configSchema>;

export const twitterContext = () => pluginContext<TwitterConfig>('twitter');
export const twitterConfig = () => twitterContext().config;
