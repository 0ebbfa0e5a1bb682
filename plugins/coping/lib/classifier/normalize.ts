/**
 * Turns a chat message into plain lower-case English the rules can read: quotes, code, links and
 * mentions removed, slang and contractions spelled out, leetspeak and stretched letters undone.
 */

/** Text the author quotes is someone else's words: “…”, "…", Discord quote lines and code. */
const QUOTED = [
  /```[\s\S]*?```/g,
  /`[^`\n]*`/g,
  /^>>> [\s\S]*$/m,
  /^> .*$/gm,
  /"[^"\n]{2,}"/g,
  /“[^”\n]{2,}”/g,
  /«[^»\n]{2,}»/g,
];

const LAUGH_EMOJI = /(?:😂|🤣|💀|😆|😹|☠️?|🙃|😜|😝)/u;
const MUSIC_EMOJI = /(?:🎵|🎶|🎤|🎧|♪|♫|♬)/u;

/** Applied in order to the lower-cased text; each rule is written once, here, instead of in every pattern. */
const REWRITES: [RegExp, string | ((match: string) => string)][] = [
  [/https?:\/\/\S+/g, ' '],
  [/<a?:(\w+):\d+>/g, ' $1 '],
  [/<[@#][!&]?\d+>/g, ' someone '],
  [/[’‘`´]/g, "'"],
  // leetspeak inside words only, so numbers such as 988 or 116 123 stay numbers
  [/(?<=[a-z])[1!](?=[a-z])|(?<=[a-z])[1!]$|^[1!](?=[a-z])/gm, 'i'],
  [/(?<=[a-z])3(?=[a-z])/g, 'e'],
  [/(?<=[a-z])0(?=[a-z])/g, 'o'],
  [/(?<=[a-z])[$5](?=[a-z])/g, 's'],
  [/(?<=[a-z])@(?=[a-z])/g, 'a'],
  [/([a-z])\1{2,}/g, '$1$1'],
  // s p a c e d letters: "d i e"
  [/\b[a-z](?: [a-z]){2,}\b/g, (letters: string) => letters.replace(/ /g, '')],
  [/\bw(?:nt|nat|ant|amt)\b/g, 'want'],
  [/\bhop(?:l|le)ess?\b|\bhopless\b/g, 'hopeless'],
  [/\bdepres+ed\b|\bdeppres+ed\b/g, 'depressed'],
  [/\bwort(?:h)?les+\b/g, 'worthless'],
  [/\b(?:not going to|not gonna|not gon) lie\b|\bngl\b|\bno cap\b|\bfr fr\b|\bhonestly\b|\blike\b(?= i\b)/g, ' '],
  [/\bi'?m\b|\bim\b|\bi am\b/g, 'i am'],
  [/\bi'?ve\b/g, 'i have'],
  [/\bi'?d\b/g, 'i would'],
  [/\bi'll\b|\bill(?= (?:kill|end|hurt|die|do it|be gone|just))/g, 'i will'],
  [/\bi'?m(?:ma|a)\b|\bim(?:ma|a)\b|\bimma\b|\bima\b/g, 'i am going to'],
  [/\bwanna\b|\bwana\b|\bwnna\b/g, 'want to'],
  [/\bgonna\b|\bgona\b|\bgunna\b/g, 'going to'],
  [/\bgotta\b/g, 'got to'],
  [/\b(do|does|did|is|are|was|were|would|could|should|has|have|had)n'?t\b/g, '$1 not'],
  [/\bdont\b|\bdnt\b/g, 'do not'],
  [/\bdoesnt\b/g, 'does not'],
  [/\bdidnt\b/g, 'did not'],
  [/\bcan'?t\b|\bcannot\b|\bcant\b/g, 'can not'],
  [/\bwon'?t\b|\bwont\b/g, 'will not'],
  [/\bisnt\b/g, 'is not'],
  [/\bwouldnt\b/g, 'would not'],
  [/\bain'?t\b/g, 'am not'],
  [/\bthere'?s\b|\btheres\b/g, 'there is'],
  [/\bwhat'?s\b|\bwhats\b/g, 'what is'],
  [/\bit'?s\b/g, 'it is'],
  [/\bthat'?s\b|\bthats\b/g, 'that is'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\brn\b/g, 'right now'],
  [/\b(?:tn|tonite|2nite|tonigt|tonigh)\b/g, 'tonight'],
  [/\b(?:2day|tday)\b/g, 'today'],
  [/\bki+l+\b/g, 'kill'],
  [/\b(?:my ?sel[fv]e?|my ?slef|my ?sefl|meself|mysef|myslf|myselfe)\b/g, 'myself'],
  [/\bsu+[ie]?c+[ie]?d(?=e|al)/g, 'suicid'],
  [/\bdei\b|\bdye\b(?= (?:already|tonight|now))/g, 'die'],
  [/\bslef\b/g, 'self'],
  [/\bany ?more\b|\banymore\b/g, 'anymore'],
  [/\bevery ?one\b/g, 'everyone'],
  [/\bno ?one\b/g, 'nobody'],
  [/[^a-z0-9'\s.,!?;:\n-]/g, ' '],
  [/[ \t]+/g, ' '],
];

export interface Normalized {
  /** The normalised text, without quoted parts. */
  text: string;
  /** The message had quoted parts that were left out. */
  quoted: boolean;
  laughter: boolean;
  /** The author says they are not serious: jk, /j, /s, "just kidding". */
  joking: boolean;
  music: boolean;
}

export function normalize(raw: string): Normalized {
  let text = raw.normalize('NFKC');
  let quoted = false;
  for (const pattern of QUOTED) {
    text = text.replace(pattern, () => {
      quoted = true;
      return ' … ';
    });
  }
  const music = MUSIC_EMOJI.test(text);
  const laughEmoji = LAUGH_EMOJI.test(text);
  text = text.toLowerCase();
  const laughter = laughEmoji || /\b(?:lo+l+|lmf?ao+|rofl|ha(?:ha)+h?|hehe+|xd+|kek|lulw?)\b/.test(text);
  const joking = /\b(?:jk|j\/k|just kidding|just joking|kidding|joking)\b|(?:^|\s)\/(?:j|s|hj)\b/.test(text);
  for (const [pattern, replacement] of REWRITES) {
    text = typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
  }
  text = text.trim();
  return { text, quoted, laughter, joking, music };
}

/** Clauses: a negation or a subject in one clause says nothing about the next. */
export function clauses(text: string): string[] {
  return text
    .split(/[.!?;:\n]+|,|\bbut\b|\bbecause\b|\bso\b(?= i\b)|\band\b(?= i\b)/)
    .map((clause) => clause.trim())
    .filter(Boolean);
}
