import { pluginContext } from 'mellow';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export const configSchema = z.object({
  /** Active (pending or paused) reminders one user may have. */
  REMINDERS_MAX_ACTIVE_PER_USER: positiveInt(25),
  /** Active channel reminders one server may have. */
  REMINDERS_MAX_CHANNEL_PER_GUILD: positiveInt(100),
  REMINDERS_MAX_TEXT_LENGTH: z.coerce.number().int().min(1).max(3500).default(1500),
  REMINDERS_MAX_AHEAD_YEARS: z.coerce.number().int().min(1).max(50).default(5),
  REMINDERS_MIN_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(5),
  /** Deliveries running at once in one process; Discord's rate limits still apply on top. */
  REMINDERS_DELIVERY_CONCURRENCY: positiveInt(32),
  /** A reminder left "sending" this long is treated as interrupted by a crash and checked before resending. */
  REMINDERS_SENDING_LEASE_SECONDS: positiveInt(60),
  /** Deliveries later than this get a note saying how late they are and why. */
  REMINDERS_LATE_NOTE_SECONDS: positiveInt(60),
  /** Delivered one-off reminders stay this long, so their snooze buttons keep working. */
  REMINDERS_KEEP_SENT_DAYS: positiveInt(7),
  /** Refused DMs in a row before a user's default delivery switches to "here". */
  REMINDERS_DM_REFUSALS_BEFORE_SWITCH: positiveInt(3),
});

export type RemindersConfig = z.output<typeof configSchema>;

/** The parsed config, for pieces and services. Hooks get it as `context.config`. */
export const remindersConfig = (): RemindersConfig => pluginContext<RemindersConfig>('reminders').config;
