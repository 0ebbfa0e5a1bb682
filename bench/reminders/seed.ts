import { Client } from 'pg';

export interface SeedPlan {
  /**
   * The users, with no settings row: the cache is cold, so the first reminder to each user opens their DM
   * channel (one extra request), as after a fresh start or for users who never had a reminder delivered.
   */
  users: { id: string }[];
  count: number;
  firstDueAt: number;
  windowMs: number;
}

const BATCH = 1000;

/**
 * Writes the reminders straight into Postgres, as `/remind me` would leave them (pending DM reminders),
 * spread evenly over the window. Returns each reminder's due time by id.
 */
export async function seedReminders(databaseUrl: string, plan: SeedPlan): Promise<Map<number, number>> {
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  const dueById = new Map<number, number>();
  try {
    for (let start = 0; start < plan.count; start += BATCH) {
      const rows: unknown[] = [];
      const values: string[] = [];
      for (let i = start; i < Math.min(plan.count, start + BATCH); i++) {
        const dueAt = new Date(plan.firstDueAt + Math.floor((i * plan.windowMs) / plan.count));
        const user = plan.users[i % plan.users.length]!;
        const n = rows.length;
        values.push(`($${n + 1}, 'dm', $${n + 2}, $${n + 3}, 'pending', now())`);
        rows.push(user.id, `bench reminder ${i}`, dueAt);
      }
      const inserted = await sql.query<{ id: number; due_at: Date }>(
        `insert into reminders_reminder (user_id, target, text, due_at, state, created_at) values ${values.join(', ')} returning id, due_at`,
        rows,
      );
      for (const row of inserted.rows) dueById.set(row.id, row.due_at.getTime());
    }
  } finally {
    await sql.end();
  }
  return dueById;
}
