import { type Level, atLeast, cap, highest, lower } from './levels';
import { clauses, normalize } from './normalize';
import {
  ABSENCE_CONTEXT,
  ESCALATORS,
  GAMING_CONTEXT,
  KNOWN_LYRICS,
  NEGATORS,
  NOT_NEGATING,
  PAST_CONTEXT,
  REPORTED_SPEECH,
  RULES,
  THIRD_PERSON_SUBJECT,
  TRIVIAL_CONTEXT,
  type Rule,
} from './rules';

export interface RuleMatch {
  rule: string;
  /** The level after context (negation, hyperbole, jokes…) was taken into account. */
  level: Level;
  ruleLevel: Level;
  reason: string;
  /** What changed the level, in words. */
  adjustments: string[];
}

/** The rule for someone worried about another person: it drives the helper's DM, not the level. */
export const CONCERN_RULE = 'low.someone-else';

export interface Classification {
  level: Level;
  /** The author is worried about someone else (see CONCERN_RULE). */
  concern: boolean;
  matches: RuleMatch[];
  /** Phrases that matched but were set aside, and why. */
  ignored: { rule: string; why: string }[];
}

/** Words that may sit between a negator and the phrase it negates ("not really going to"). */
const FILLER = new Set(
  'i am is are was will would could should do does did going to want ever even really actually seriously try trying plan planning thinking considering going be think like feel that about anymore again just so a me ever gonna wanna'.split(
    ' ',
  ),
);

/** A cheap first look: most messages contain none of these stems and skip the rules entirely. */
const PREFILTER =
  /di(?:e|ed|es|ing)\b|dead|death|kill|suicid|unalive|\bkms|hurt|harm|\bcut|burn|punish|starve|\bend\b|ending|\boff myself|life|liv(?:e|ing)|alive|exist|wake|disappear|vanish|fade|better off|burden|be here|be around|waste of|mistake|hopeless|worthless|empty|numb|useless|broken|failure|depress|alone|lonely|cares|loves|wants me|give up|given up|go on|keep going|goodbye|farewell|note|letter|pills|rope|\bgun|born|point|reason|way out|anymore|tired|sick of|exhausted|hate|crying|unloved|unwanted|nothing|read this|belongings|stuff|gone|notice|miss me|hope/;

function negated(before: string): boolean {
  const words = before.trim().split(/\s+/).slice(-5);
  const tail = words.join(' ');
  if (NOT_NEGATING.test(tail)) return false;
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index]!;
    if (NEGATORS.test(word)) return true;
    if (!FILLER.has(word)) return false;
  }
  return false;
}

/** Whether the nearest subject before the phrase is someone else rather than the author. */
function aboutSomeoneElse(before: string): boolean {
  const third = [...before.matchAll(new RegExp(THIRD_PERSON_SUBJECT, 'g'))].at(-1)?.index ?? -1;
  const first =
    [
      ...before.matchAll(
        /\b(?:i|me|my(?! (?:friend|brother|sister|mom|mum|dad|partner|girlfriend|boyfriend|cousin|classmate)))\b/g,
      ),
    ].at(-1)?.index ?? -1;
  return third > first;
}

interface Context {
  lyric: boolean;
  trivial: boolean;
  gaming: boolean;
  past: boolean;
  laughter: boolean;
  joking: boolean;
  away: boolean;
  escalators: string[];
}

/** One matched phrase, weighed against its context. Null when the context cancels it. */
function weigh(rule: Rule, before: string, context: Context): RuleMatch | { ignored: string } {
  if (rule.negatable !== false && negated(before)) return { ignored: 'negated' };
  if (rule.id !== CONCERN_RULE && REPORTED_SPEECH.test(before)) return { ignored: 'reported speech' };
  if (context.lyric && rule.level !== 'critical') return { ignored: 'song lyric' };
  if (rule.hyperbole && context.gaming) return { ignored: 'gaming talk' };
  if (rule.absence && context.away) return { ignored: 'an everyday absence' };
  let level = rule.level;
  const adjustments: string[] = [];
  const adjust = (next: Level, why: string) => {
    if (next !== level) adjustments.push(why);
    level = next;
  };
  if (rule.subjectless && aboutSomeoneElse(before)) adjust(cap(level, 'low'), 'about someone else');
  if (rule.hyperbole && context.trivial) adjust(cap(level, 'low'), 'everyday exaggeration');
  if (context.past) adjust(cap(level, 'low'), 'looking back or recovering');
  if (context.joking) adjust(lower(level, 2), 'says they are joking');
  else if (context.laughter && rule.hyperbole) adjust(lower(level, 1), 'laughing');
  if (rule.intent && (level === 'high' || level === 'medium') && context.escalators.length > 0 && !context.laughter) {
    adjust('critical', `intent ${context.escalators.join(', ')}`);
  }
  return { rule: rule.id, level, ruleLevel: rule.level, reason: rule.reason, adjustments };
}

/**
 * Rates one message from safe to critical with phrase rules, and says which rules decided it.
 * Deterministic and cheap (one prefilter test for most messages).
 */
export function classify(raw: string): Classification {
  const normalized = normalize(raw);
  const { text } = normalized;
  const result: Classification = { level: 'safe', concern: false, matches: [], ignored: [] };
  if (normalized.quoted) result.ignored.push({ rule: 'quote', why: 'quoted text is not read' });
  if (!text || !PREFILTER.test(text)) return result;
  const context: Context = {
    lyric: normalized.music || KNOWN_LYRICS.some((pattern) => pattern.test(text)),
    trivial: TRIVIAL_CONTEXT.test(text),
    gaming: GAMING_CONTEXT.test(text),
    past: PAST_CONTEXT.test(text),
    laughter: normalized.laughter,
    joking: normalized.joking,
    away: ABSENCE_CONTEXT.test(text),
    escalators: ESCALATORS.filter(({ pattern }) => pattern.test(text)).map(({ reason }) => reason),
  };
  for (const clause of clauses(text)) {
    for (const rule of RULES) {
      const match = rule.pattern.exec(clause);
      if (!match) continue;
      const weighed = weigh(rule, clause.slice(0, match.index), context);
      if ('ignored' in weighed) result.ignored.push({ rule: rule.id, why: weighed.ignored });
      else result.matches.push(weighed);
    }
  }
  result.level = highest(result.matches.map((match) => match.level));
  result.concern = result.matches.some((match) => match.rule === CONCERN_RULE);
  return result;
}

/** One line for staff: the level and the rule(s) behind it. Never quotes the message. */
export function explain(classification: Classification): string {
  const deciding = classification.matches.filter((match) => match.level === classification.level);
  if (deciding.length === 0) return 'No warning signs matched.';
  return deciding
    .map((match) => `${match.reason}${match.adjustments.length ? ` (${match.adjustments.join('; ')})` : ''}`)
    .join('; ');
}

export const shouldCheckIn = (level: Level) => atLeast(level, 'medium');
export const shouldAlert = (level: Level) => atLeast(level, 'high');
