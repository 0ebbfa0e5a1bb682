import type { EntityManager } from '@mikro-orm/core';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { ReplyContent } from 'mellow';
import { type Feeling, type Technique, content } from './content';
import { ownMaterial } from './material';
import { personalAffirmation } from './personalise';
import { pickFresh } from './pick';

export const BREATHING_START = 'coping.breathe.start';

const feelingFor = (feeling: Feeling | null) => (feeling === 'panicky' ? 'anxious' : feeling);

export function breathingReply(userId: string, technique: Technique | null, feeling: Feeling | null): ReplyContent {
  const chosen = technique ?? (feeling ? content.breathing.forFeeling[feeling] : undefined) ?? 'box';
  const { name, summary, steps } = content.breathing.techniques[chosen];
  const start = new ButtonBuilder()
    .setCustomId(`${BREATHING_START}:${chosen}`)
    .setLabel('Start guided session')
    .setEmoji('🫁')
    .setStyle(ButtonStyle.Primary);
  return {
    outcome: 'info',
    title: name,
    description: [
      summary,
      '',
      ...steps.map((step, index) => `${index + 1}. ${step}`),
      '',
      `*${pickFresh(userId, 'breathing-tip', content.breathing.encouragements)}*`,
      '',
      'Press **Start guided session** and I will pace you for about a minute.',
    ].join('\n'),
    extra: { components: [new ActionRowBuilder<ButtonBuilder>().addComponents(start)] },
  };
}

/**
 * An affirmation, personalised from the user's own toolbox and plan when `personalise` is set (only
 * for answers no one else reads) and the AI is on and answers well.
 */
export async function affirmationReply(
  em: EntityManager,
  userId: string,
  feeling: Feeling | null,
  { personalise }: { personalise: boolean },
): Promise<ReplyContent> {
  const key = feelingFor(feeling) ?? 'general';
  const personal = personalise ? await personalAffirmation(key, await ownMaterial(em, userId)) : null;
  const text = personal ?? pickFresh(userId, `affirmation-${key}`, content.affirmations[key]);
  return {
    outcome: 'success',
    title: '💛 A thought for you',
    description: `${text}${personal ? '\n\n*Written for you from your toolbox and plan.*' : ''}`,
  };
}

export const distractionReply = (userId: string): ReplyContent => ({
  outcome: 'info',
  title: '🎈 Something to try',
  description: `${pickFresh(userId, 'distraction', content.distractions)}\n\nWant another? Run the command again.`,
});

export const challengeReply = (userId: string): ReplyContent => ({
  outcome: 'success',
  title: '🌱 A small challenge',
  description: `${pickFresh(userId, 'challenge', content.challenges)}\n\nNo pressure: even trying counts.`,
});

export function musicReply(userId: string): ReplyContent {
  const pick = pickFresh(userId, 'music', content.music);
  return {
    outcome: 'info',
    title: '🎧 Something to listen to',
    description: `**${pick.title}** by ${pick.artist} (${pick.mood})\n${pick.note}`,
  };
}
