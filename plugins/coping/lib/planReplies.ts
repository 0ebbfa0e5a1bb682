import type { EntityManager } from '@mikro-orm/core';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { discordTime, type ReplyContent } from 'mellow';
import { type Goal, PLAN_SECTIONS, content } from './content';
import { ownMaterial } from './material';
import { personalSuggestions } from './personalise';
import { PLAN_LABELS, PLAN_SECTION_MAX, type PlanContent, readPlan } from './plan';

export const PLAN_MODAL = 'coping.plan.save';
export const PLAN_REMOVE = 'coping.plan.remove';
export const PLAN_KEEP = 'coping.plan.keep';

const UNREADABLE: ReplyContent = {
  outcome: 'warning',
  title: "I can't read your saved plan",
  description:
    'It was stored with an encryption key this bot no longer has. You can write a new one with `/plan edit`, which replaces it.',
};

/** The form for creating or editing the plan, filled with the current plan when there is one. */
export function planModal(current: PlanContent | null): ModalBuilder {
  const example = content.suggestions.goals.general.plan;
  return new ModalBuilder()
    .setCustomId(PLAN_MODAL)
    .setTitle(current ? 'Edit your coping plan' : 'Your coping plan')
    .addComponents(
      PLAN_SECTIONS.map((section) => {
        const input = new TextInputBuilder()
          .setCustomId(section)
          .setLabel(PLAN_LABELS[section])
          .setStyle(TextInputStyle.Paragraph)
          .setRequired(false)
          .setMaxLength(PLAN_SECTION_MAX)
          .setPlaceholder(`For example: ${example[section].slice(0, 2).join(', ')}`.slice(0, 100));
        if (current?.[section]) input.setValue(current[section]);
        return new ActionRowBuilder<TextInputBuilder>().addComponents(input);
      }),
    );
}

export async function currentPlan(em: EntityManager, userId: string): Promise<PlanContent | null> {
  const plan = await readPlan(em, userId);
  return plan.kind === 'plan' ? plan.content : null;
}

export async function viewPlanReply(em: EntityManager, userId: string): Promise<ReplyContent> {
  const plan = await readPlan(em, userId);
  if (plan.kind === 'unreadable') return UNREADABLE;
  if (plan.kind === 'none') {
    return {
      outcome: 'info',
      title: "You don't have a coping plan yet",
      description:
        'A plan is what you want to remember when things get hard: your warning signs, what helps, and who to reach out to. Make one with `/plan create`; `/plan suggest` has ideas.',
    };
  }
  return {
    outcome: 'info',
    title: '🗺️ Your coping plan',
    description: `Last updated ${discordTime(plan.updatedAt, 'R')}. Change it with \`/plan edit\`.`,
    extra: {
      embeds: [
        {
          fields: PLAN_SECTIONS.map((section) => ({
            name: PLAN_LABELS[section],
            value: plan.content[section].trim().slice(0, 1024) || '*(empty)*',
          })),
          footer: {
            text: 'If you are in immediate danger, call your local emergency number. /resources lists crisis lines.',
          },
        },
      ],
    },
  };
}

export async function suggestPlanReply(
  em: EntityManager,
  userId: string,
  goal: Goal,
  { personalise }: { personalise: boolean },
): Promise<ReplyContent> {
  const { label, plan } = content.suggestions.goals[goal];
  const personal = personalise ? await personalSuggestions(label, 'plan', await ownMaterial(em, userId)) : null;
  const fields = PLAN_SECTIONS.map((section) => ({
    name: PLAN_LABELS[section],
    value: plan[section].map((idea) => `• ${idea}`).join('\n'),
  }));
  if (personal) fields.unshift({ name: 'Ideas for you', value: personal.map((idea) => `• ${idea}`).join('\n') });
  return {
    outcome: 'info',
    title: `💡 Plan ideas for: ${label}`,
    description: `Take what fits you. Write your plan with \`/plan ${personalise ? 'edit' : 'create'}\`.`,
    extra: { embeds: [{ fields }] },
  };
}

export function removePlanPrompt(userId: string): ReplyContent {
  return {
    outcome: 'warning',
    title: 'Remove your coping plan?',
    description: 'This deletes it for good. You can always write a new one later.',
    extra: {
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId(`${PLAN_REMOVE}:${userId}`)
            .setLabel('Remove my plan')
            .setStyle(ButtonStyle.Danger),
          new ButtonBuilder().setCustomId(`${PLAN_KEEP}:${userId}`).setLabel('Keep it').setStyle(ButtonStyle.Secondary),
        ),
      ],
    },
  };
}
