import { parseTweet } from 'twitter-text';
import sensitive from './sensitive.json';

export const MAX_WEIGHTED_LENGTH = 280;

export type TextCheck =
  { ok: true; weightedLength: number; sensitiveTopic: string | null } | { ok: false; problem: string };

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

/** Whole-word (or whole-phrase) match, so "ass" does not block "class". */
function containsTerm(text: string, term: string): boolean {
  const escaped = normalize(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(normalize(text));
}

export function findBlockedTerm(text: string, blockedTerms: readonly string[]): string | null {
  return blockedTerms.find((term) => containsTerm(text, term)) ?? null;
}

export function findSensitiveTopic(text: string): string | null {
  for (const [topic, terms] of Object.entries(sensitive.topics)) {
    if (terms.some((term) => containsTerm(text, term))) return topic;
  }
  return null;
}

/**
 * Checks a post as X will: its weighted length (most CJK characters and emoji count 2, every link
 * 23), then the guild's blocked terms, then whether it touches a sensitive topic.
 */
export function checkText(text: string, blockedTerms: readonly string[]): TextCheck {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'The post is empty. Write something to post.' };
  const parsed = parseTweet(trimmed);
  if (parsed.weightedLength > MAX_WEIGHTED_LENGTH) {
    return {
      ok: false,
      problem: `The post is ${parsed.weightedLength}/${MAX_WEIGHTED_LENGTH} characters as X counts them (each link counts 23, most emoji and CJK characters 2). Shorten it by ${parsed.weightedLength - MAX_WEIGHTED_LENGTH}.`,
    };
  }
  if (!parsed.valid) return { ok: false, problem: 'X would refuse this text (it has characters X does not allow).' };
  const blocked = findBlockedTerm(trimmed, blockedTerms);
  if (blocked) {
    return {
      ok: false,
      problem: `The post contains “${blocked}”, which this server blocks. Reword it, or ask an admin (\`/twitter blocked list\`).`,
    };
  }
  return { ok: true, weightedLength: parsed.weightedLength, sensitiveTopic: findSensitiveTopic(trimmed) };
}
