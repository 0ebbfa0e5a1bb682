import { pluginContext } from 'mellow';
import { z } from 'zod';

// `VAR=` in an env file means unset. The core has the same one-liner but does not export it.
const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const discordId = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits), for example 123456789012345678')
    .optional(),
);

const count = (fallback: number, hint: string) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int(hint).min(0, hint).default(fallback));

export const configSchema = z
  .object({
    SUPPORT_GUILD_ID: discordId,
    SUPPORT_CHANNEL_ID: discordId,
    SUPPORT_ROLE_ID: discordId,
    GUILDDEBUG_SUPPORT_USER_COOLDOWN_MINUTES: count(60, 'must be a whole number of minutes, 0 for no cooldown'),
    GUILDDEBUG_SUPPORT_GUILD_DAILY_LIMIT: count(10, 'must be a whole number of requests, 0 for no limit'),
  })
  .transform((raw) => ({
    supportGuildId: raw.SUPPORT_GUILD_ID ?? null,
    supportChannelId: raw.SUPPORT_CHANNEL_ID ?? null,
    supportRoleId: raw.SUPPORT_ROLE_ID ?? null,
    userCooldownMinutes: raw.GUILDDEBUG_SUPPORT_USER_COOLDOWN_MINUTES,
    guildDailyLimit: raw.GUILDDEBUG_SUPPORT_GUILD_DAILY_LIMIT,
  }));

export type GuilddebugConfig = z.output<typeof configSchema>;

/** The running plugin's context (config, logger, em) for pieces and services. */
export const guilddebug = () => pluginContext<GuilddebugConfig>('guilddebug');

/** True when both the support server and its channel are set: tickets can be posted. */
export const supportConfigured = (config: GuilddebugConfig) =>
  config.supportGuildId !== null && config.supportChannelId !== null;
