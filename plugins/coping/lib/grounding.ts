import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { ReplyContent } from 'mellow';
import { content } from './content';
import { pickFresh } from './pick';

export const GROUNDING_STEP = 'coping.grounding';

const { intro, steps, outro } = content.grounding;

/**
 * Step 0 is the introduction, 1 to 5 the senses, 6 the end. The button carries the next step and
 * the user it belongs to, so on a shared message only that user moves through it.
 */
export function groundingStep(userId: string, step: number): ReplyContent {
  if (step >= steps.length + 1) {
    return {
      outcome: 'success',
      title: '🌿 Grounding complete',
      description: pickFresh(userId, 'grounding-outro', outro),
    };
  }
  const next = new ButtonBuilder()
    .setCustomId(`${GROUNDING_STEP}:${step + 1}:${userId}`)
    .setLabel(step === 0 ? 'Begin' : step === steps.length ? 'Finish' : 'Next')
    .setStyle(ButtonStyle.Primary);
  const components = [new ActionRowBuilder<ButtonBuilder>().addComponents(next)];
  if (step === 0)
    return { outcome: 'info', title: '🌿 5-4-3-2-1 grounding', description: intro, extra: { components } };
  const current = steps[step - 1]!;
  return {
    outcome: 'info',
    title: `${current.count}: ${current.sense}`,
    description: `${pickFresh(userId, `grounding-${step}`, current.prompts)}\n\nStep ${step} of ${steps.length}. Take your time.`,
    extra: { components },
  };
}
