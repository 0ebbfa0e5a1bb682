import type { EntityManager } from '@mikro-orm/core';
import { copingAi } from './config';
import type { OwnMaterial } from './personalise';
import { readPlan } from './plan';
import { readToolbox } from './toolbox';

/** The user's toolbox and plan for a prompt; empty without AI so nothing is read for nothing. */
export async function ownMaterial(em: EntityManager, userId: string): Promise<OwnMaterial> {
  if (!copingAi()) return { tools: [], plan: null };
  const [{ tools }, plan] = await Promise.all([readToolbox(em, userId), readPlan(em, userId)]);
  return { tools: tools.map((tool) => tool.text), plan: plan.kind === 'plan' ? plan.content : null };
}
