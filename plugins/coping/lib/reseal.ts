import type { EntityManager } from '@mikro-orm/core';
import { CopingCrisisEvent } from '../entities/CopingCrisisEvent';
import { CopingPlan } from '../entities/CopingPlan';
import { CopingToolboxItem } from '../entities/CopingToolboxItem';
import { SEALED, resealed } from './secrets';

const BATCH = 500;

/** Seals every value sealed with an old key again with the current one; returns how many changed. */
export async function resealAll(fork: () => EntityManager): Promise<number> {
  let changed = 0;
  changed += await resealTable(fork, CopingToolboxItem, 'id', 'text', SEALED.toolbox);
  changed += await resealTable(fork, CopingPlan, 'userId', 'content', SEALED.plan);
  changed += await resealTable(fork, CopingCrisisEvent, 'id', 'details', SEALED.event);
  return changed;
}

async function resealTable<T extends object>(
  fork: () => EntityManager,
  entity: new () => T,
  key: keyof T & string,
  column: keyof T & string,
  context: (typeof SEALED)[keyof typeof SEALED],
): Promise<number> {
  let changed = 0;
  for (let offset = 0; ; offset += BATCH) {
    const em = fork();
    const rows = await em.find(entity, {}, { limit: BATCH, offset, orderBy: { [key]: 'asc' } as never });
    for (const row of rows) {
      const next = resealed(row[column] as string, context);
      if (next !== null) {
        (row as Record<string, unknown>)[column] = next;
        changed++;
      }
    }
    await em.flush();
    if (rows.length < BATCH) return changed;
  }
}
