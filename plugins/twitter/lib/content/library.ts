import { chatCompletion } from 'mellow';
import type { RecurringKind } from '../../entities/TwitterRecurring';
import { twitterConfig } from '../config';
import { checkText } from './checks';
import tips from './tips.json';
import updates from './updates.json';

const library: Record<RecurringKind, string[]> = { tip: tips.items, update: updates.items };

const prompts: Record<RecurringKind, string> = {
  tip: 'Write one short, warm, practical wellbeing tip for a social media post. Start with "Tip of the day:". No hashtags, no medical advice, no mention of crisis, self-harm or medication. At most 240 characters.',
  update:
    'Write one short, friendly weekly check-in post for a supportive online community. No hashtags, no medical advice, no mention of crisis, self-harm or medication. At most 240 characters.',
};

/** The curated item at this point of the rotation. Always works, AI or not. */
export const curated = (kind: RecurringKind, cursor: number): string => library[kind][cursor % library[kind].length]!;

/**
 * Recurring content: generated when AI is configured and its text passes the same checks as any
 * post (length, blocked terms, no sensitive topic); otherwise the curated library's next item.
 */
export async function recurringText(
  kind: RecurringKind,
  cursor: number,
  blockedTerms: readonly string[],
): Promise<string> {
  const generated = await chatCompletion(twitterConfig().ai, [{ role: 'user', content: prompts[kind] }], {
    maxTokens: 120,
  });
  const text = generated?.trim().replace(/^"(.*)"$/s, '$1');
  if (text) {
    const check = checkText(text, blockedTerms);
    if (check.ok && !check.sensitiveTopic) return text;
  }
  return curated(kind, cursor);
}
