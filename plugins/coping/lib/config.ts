import { aiConfigShape, aiSettings, pluginContext, type AiSettings } from 'mellow';
import { z } from 'zod';

export const configSchema = z.object({
  ...aiConfigShape,
  /** Length of one paced second in a guided breathing session; tests shorten it. */
  COPING_BREATHING_SECOND_MS: z.coerce.number().int().min(1).max(5000).default(1000),
  COPING_BREATHING_SESSION_SECONDS: z.coerce.number().int().min(10).max(600).default(60),
  COPING_DM_COOLDOWN_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(6),
  /** Crisis events older than this are deleted; 0 keeps them. */
  COPING_EVENT_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** How long a process trusts its in-memory copy of detection settings and opt-outs. */
  COPING_SETTINGS_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export type CopingConfig = z.output<typeof configSchema>;

export const copingConfig = (): CopingConfig => pluginContext<CopingConfig>('coping').config;

/** The AI endpoint when one is configured, else null (the curated content answers). */
export const copingAi = (): AiSettings | null => aiSettings(copingConfig());
