import { chatCompletionJson, type ChatMessage } from 'mellow';
import { z } from 'zod';
import { classify } from './classifier';
import { copingAi } from './config';
import type { PlanContent } from './plan';

const SAFE_MESSAGING =
  'Follow safe-messaging guidelines: never mention methods or means of self-harm or suicide, never judge, ' +
  'make no medical or diagnostic claims, and where it fits encourage reaching out to trusted people or professional help. ' +
  'Keep a warm, plain tone. Answer with JSON only.';

/** What the user keeps in their own toolbox and plan: the only personal data a prompt may hold. */
export interface OwnMaterial {
  tools: string[];
  plan: PlanContent | null;
}

const hasMaterial = ({ tools, plan }: OwnMaterial) =>
  tools.length > 0 || (plan !== null && Object.values(plan).some((section) => section.trim()));

function describe({ tools, plan }: OwnMaterial): string {
  const parts: string[] = [];
  if (tools.length) parts.push(`Tools they already like:\n${tools.map((tool) => `- ${tool}`).join('\n')}`);
  if (plan) {
    const sections = Object.entries(plan).filter(([, text]) => text.trim());
    if (sections.length)
      parts.push(`Their coping plan:\n${sections.map(([name, text]) => `${name}: ${text}`).join('\n')}`);
  }
  return parts.join('\n\n').slice(0, 4000);
}

/**
 * Words comforting text has no need for. Generated text goes to someone who may be struggling, so
 * anything touching death, self-harm, blame or worth-as-burden is dropped for the curated answer.
 */
const UNSAFE_OUTPUT =
  /\b(?:die|dying|dead|death|kill\w*|suicid\w*|self[- ]?harm|hurt (?:yourself|myself)|cut(?:ting)? (?:yourself|myself)|overdose|pills?|weapons?|better off without|burden|worthless|your fault|deserve (?:it|this|pain))\b/i;

/** Must also read as safe to the classifier, and never ping or link. */
const acceptable = (text: string) =>
  classify(text).level === 'safe' && !UNSAFE_OUTPUT.test(text) && !/[@<>]|https?:\/\/|discord\.gg/i.test(text);

const suggestionsSchema = z.object({
  suggestions: z.array(z.string().trim().min(3).max(200)).min(1).max(5),
});

/** Up to five ideas built on what the user already likes, or null (then the curated list answers). */
export async function personalSuggestions(
  goal: string,
  kind: 'toolbox' | 'plan',
  material: OwnMaterial,
): Promise<string[] | null> {
  if (!hasMaterial(material)) return null;
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content:
        `You help someone grow their personal coping ${kind === 'toolbox' ? 'toolbox' : 'plan'}. ` +
        'Suggest up to five short, practical, kind ideas (each under 150 characters) that fit what they already use. ' +
        `${SAFE_MESSAGING} Shape: {"suggestions": ["..."]}`,
    },
    { role: 'user', content: `Goal: ${goal}\n\n${describe(material)}` },
  ];
  const answer = await chatCompletionJson(copingAi(), messages, suggestionsSchema);
  if (!answer || !answer.suggestions.every(acceptable)) return null;
  return answer.suggestions;
}

const affirmationSchema = z.object({ affirmation: z.string().trim().min(3).max(300) });

export async function personalAffirmation(feeling: string, material: OwnMaterial): Promise<string | null> {
  if (!hasMaterial(material)) return null;
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content:
        'Write one short, gentle affirmation (one or two sentences) for someone, drawing on what helps them. ' +
        `${SAFE_MESSAGING} Shape: {"affirmation": "..."}`,
    },
    { role: 'user', content: `They feel: ${feeling}\n\n${describe(material)}` },
  ];
  const answer = await chatCompletionJson(copingAi(), messages, affirmationSchema);
  return answer && acceptable(answer.affirmation) ? answer.affirmation : null;
}
