import type { EntityManager } from '@mikro-orm/core';
import { z } from 'zod';
import { CopingPlan } from '../entities/CopingPlan';
import { PLAN_SECTIONS, type PlanSection } from './content';
import { SEALED, openOrNull, seal } from './secrets';

export const PLAN_SECTION_MAX = 1000;

/** Section titles, short enough for a modal label (45 characters). */
export const PLAN_LABELS: Record<PlanSection, string> = {
  warningSigns: 'My warning signs',
  selfCare: 'Things I can do on my own',
  people: 'People and places that help me',
  help: 'People I can ask for help',
  professionals: 'Professionals and services',
};

export type PlanContent = Record<PlanSection, string>;

const contentSchema = z.object(
  Object.fromEntries(PLAN_SECTIONS.map((section) => [section, z.string().max(PLAN_SECTION_MAX)])) as Record<
    PlanSection,
    z.ZodString
  >,
);

export type StoredPlan =
  { kind: 'none' } | { kind: 'unreadable' } | { kind: 'plan'; content: PlanContent; createdAt: Date; updatedAt: Date };

export async function readPlan(em: EntityManager, userId: string): Promise<StoredPlan> {
  const row = await em.findOne(CopingPlan, { userId });
  if (!row) return { kind: 'none' };
  const text = openOrNull(row.content, SEALED.plan);
  const parsed = text === null ? null : contentSchema.safeParse(JSON.parse(text));
  if (!parsed?.success) return { kind: 'unreadable' };
  return { kind: 'plan', content: parsed.data, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export const isEmptyPlan = (content: PlanContent) => PLAN_SECTIONS.every((section) => !content[section].trim());

/** Creates or replaces the user's plan. */
export async function savePlan(em: EntityManager, userId: string, content: PlanContent): Promise<void> {
  const sealed = seal(JSON.stringify(contentSchema.parse(content)), SEALED.plan);
  const now = new Date();
  await em.upsert(
    CopingPlan,
    { userId, content: sealed, createdAt: now, updatedAt: now },
    { onConflictFields: ['userId'], onConflictMergeFields: ['content', 'updatedAt'] },
  );
}

export const removePlan = async (em: EntityManager, userId: string) =>
  (await em.nativeDelete(CopingPlan, { userId })) > 0;
