import { z } from 'zod';
import { parseKey } from '../src/lib/crypto/parseKey';

const snowflake = /^\d{17,20}$/;

/** A comma-separated list, trimmed, with empty items dropped. */
const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

const snowflakeList = commaList.refine((ids) => ids.every((id) => snowflake.test(id)), {
  message: 'must be a comma-separated list of Discord ids (17 to 20 digits), for example 123456789012345678',
});

const url = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a ${protocols.join(' or ')} URL, for example ${example}`,
    );

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const KEY_HINT = 'must be 32 bytes as 64 hex digits or base64; create one with: openssl rand -hex 32';

/**
 * Every environment variable the core reads. Names are part of the operator contract: keep them.
 * Plugins declare their own keys in their manifests.
 */
export const configSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is missing. Create a bot at https://discord.com/developers and put its token in .env' })
    .trim()
    .min(1, 'is empty. Put your bot token in .env'),
  DISCORD_API_URL: z.preprocess(emptyAsUndefined, url(['http:', 'https:'], 'http://127.0.0.1:8080/api').optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    url(['postgres:', 'postgresql:'], 'postgres://mellow:secret@127.0.0.1:5432/mellow').optional(),
  ),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    url(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  ),
  REDIS_PREFIX: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[\w-]{1,64}$/, 'may only contain letters, digits, _ and - (at most 64)')
      .default('mellow'),
  ),
  HEALTH_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a port number from 0 to 65535 (0 turns the HTTP server off)' })
      .int('must be a whole port number')
      .min(0, 'must be a port number from 0 to 65535')
      .max(65535, 'must be a port number from 0 to 65535')
      .default(8080),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace'], {
        error: 'must be one of fatal, error, warn, info, debug, trace',
      })
      .default('info'),
  ),
  LOG_FORMAT: z.preprocess(
    emptyAsUndefined,
    z.enum(['pretty', 'json'], { error: 'must be pretty or json' }).optional(),
  ),
  NODE_ENV: z.string().optional(),
  OWNER_IDS: snowflakeList,
  STAFF_IDS: snowflakeList,
  PLUGINS: commaList,
  MESSAGE_PREFIX: z.preprocess(emptyAsUndefined, z.string().max(10, 'must be at most 10 characters').default('!')),
  COMMAND_SCOPE: z.preprocess(
    emptyAsUndefined,
    z.enum(['global', 'guild'], { error: 'must be global or guild' }).default('global'),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  SYSTEM_LOG_RETENTION_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0, 'must be a number of days, 0 to keep events forever').default(90),
  ),
  ENCRYPTION_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => parseKey(value) !== null, KEY_HINT)
      .optional(),
  ),
  ENCRYPTION_OLD_KEYS: commaList.refine((keys) => keys.every((key) => parseKey(key) !== null), {
    message: `must be a comma-separated list of keys that each ${KEY_HINT}`,
  }),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0, 'must be 0 or more milliseconds').default(10_000),
  ),
});

export type RawConfig = z.output<typeof configSchema>;
