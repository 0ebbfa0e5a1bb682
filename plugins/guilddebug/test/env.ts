/** Fixed ids for the guilddebug tests: a staff member and the support server, known before the bot starts. */
export const STAFF_ID = '510000000000000001';
export const SUPPORT_GUILD_ID = '510000000000000100';
export const SUPPORT_CHANNEL_ID = '510000000000000101';
export const SUPPORT_ROLE_ID = '510000000000000102';
/** Low enough to reach in a test; the per-user cooldown keeps its default of 60 minutes. */
export const GUILD_DAILY_LIMIT = 3;

export function testEnv(): Record<string, string> {
  return {
    STAFF_IDS: STAFF_ID,
    SUPPORT_GUILD_ID,
    SUPPORT_CHANNEL_ID,
    SUPPORT_ROLE_ID,
    GUILDDEBUG_SUPPORT_GUILD_DAILY_LIMIT: String(GUILD_DAILY_LIMIT),
  };
}
