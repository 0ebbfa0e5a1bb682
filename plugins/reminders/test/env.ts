/** Short lease and late-note threshold, so crash recovery and "late" notes are quick to test. */
export function testEnv(): Record<string, string> {
  return { REMINDERS_SENDING_LEASE_SECONDS: '1', REMINDERS_LATE_NOTE_SECONDS: '2' };
}
