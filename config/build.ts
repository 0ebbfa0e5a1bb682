import type { RawConfig } from './schema';

export interface MellowConfig {
  discordToken: string;
  discordApiUrl?: string;
  databaseUrl?: string;
  redisUrl: string;
  redisPrefix: string;
  healthPort: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  logFormat: 'pretty' | 'json';
  ownerIds: string[];
  staffIds: string[];
  plugins: string[];
  messagePrefix: string;
  commandScope: 'global' | 'guild';
  dataDir: string;
  /** Seals sensitive user content; without it a key is generated under DATA_DIR. */
  encryptionKey?: string;
  /** Earlier keys, still able to open what they sealed (key rotation). */
  encryptionOldKeys: string[];
  shutdownTimeoutMs: number;
  systemLogRetentionDays: number;
  /** The raw environment, for plugin config schemas. */
  env: NodeJS.ProcessEnv;
}

export function buildConfig(raw: RawConfig, env: NodeJS.ProcessEnv): MellowConfig {
  return {
    discordToken: raw.DISCORD_TOKEN,
    discordApiUrl: raw.DISCORD_API_URL,
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    redisPrefix: raw.REDIS_PREFIX,
    healthPort: raw.HEALTH_PORT,
    logLevel: raw.LOG_LEVEL,
    logFormat: raw.LOG_FORMAT ?? (raw.NODE_ENV === 'production' ? 'json' : 'pretty'),
    ownerIds: raw.OWNER_IDS,
    staffIds: raw.STAFF_IDS,
    plugins: raw.PLUGINS,
    messagePrefix: raw.MESSAGE_PREFIX,
    commandScope: raw.COMMAND_SCOPE,
    dataDir: raw.DATA_DIR,
    encryptionKey: raw.ENCRYPTION_KEY,
    encryptionOldKeys: raw.ENCRYPTION_OLD_KEYS,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    systemLogRetentionDays: raw.SYSTEM_LOG_RETENTION_DAYS,
    env,
  };
}

/** Names of environment variables whose values are secrets, core's and plugins' alike. */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASS|KEYS?|CREDENTIALS?)$/i;

/** Every value in the config, or in a secret-named environment variable, that must never be printed. */
export function secretsOf(config: MellowConfig): string[] {
  const secrets = [config.discordToken];
  for (const [name, value] of Object.entries(config.env)) {
    if (!value || !SECRET_NAME.test(name)) continue;
    // A list of keys (ENCRYPTION_OLD_KEYS) leaks one item at a time.
    secrets.push(value, ...value.split(',').map((item) => item.trim()));
  }
  for (const value of [config.databaseUrl, config.redisUrl]) {
    if (!value) continue;
    const password = new URL(value).password;
    if (password) secrets.push(decodeURIComponent(password), password);
  }
  return secrets.filter((secret) => secret.length >= 4);
}
