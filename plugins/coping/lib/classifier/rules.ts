import type { Level } from './levels';

/**
 * The classifier's phrases, on normalised text (see normalize.ts: "i am", "do not", "want to",
 * "going to", "myself" are already spelled out). Each rule says why it matters, for the explanation
 * staff see. They name no methods in anything shown to users.
 */
export interface Rule {
  id: string;
  level: Level;
  pattern: RegExp;
  reason: string;
  /** A "not"/"never" just before the phrase cancels it (false when the phrase carries its own negation). */
  negatable?: boolean;
  /** Everyday exaggeration is common with this phrase: trivial or gaming context caps it at low. */
  hyperbole?: boolean;
  /** An intent that becomes critical with a time, a farewell or a plan in the same message. */
  intent?: boolean;
  /** The phrase has no subject of its own ("feeling suicidal"), so a third-person subject makes it about someone else. */
  subjectless?: boolean;
  /** The phrase also describes an everyday absence: a trip, work or school in the message cancels it. */
  absence?: boolean;
}

const SELF_END =
  '(?:end it(?= for good| tonight| today| now| right now| soon|$)|kill myself|killing myself|end (?:my (?:own )?life|it all|myself|everything|things)|ending (?:my life|it all|myself|things)|take my (?:own )?life|taking my (?:own )?life|unalive myself|off myself|commit suicide|committing suicide)';
const ADV =
  '(?:(?:used to|really|just|actually|seriously|kind of|kinda|sort of|lowkey|literally|so|truly|still|often|sometimes|almost) )*';
const DIE = '(?:die|be dead|not be alive|not exist|not be here anymore|stop existing|not wake up|never wake up)';
/** "die of embarrassment", "die for a coffee", "die on this hill" are idioms, not wishes. */
const NOT_IDIOM =
  '(?! (?:of|from|for|laughing|inside|on (?:this|that) hill|a little|than|(?:my|your|her|his) hair|in (?:a|the) (?:game|match|round)|to (?:see|know|try|get|hear|go|watch|play)))';

export const RULES: Rule[] = [
  // critical: intent with a time, a plan or a goodbye, in one phrase
  {
    id: 'critical.imminent-intent',
    level: 'critical',
    pattern: new RegExp(
      `\\b(?:going to|will|about to|ready to|decided to|planning to|plan to) ${ADV}${SELF_END}\\b.{0,40}\\b(?:tonight|today|right now|now|this (?:evening|weekend)|in (?:a|an|\\d+) (?:few )?(?:minutes?|hours?))\\b`,
    ),
    reason: 'says they intend to end their life, with a time',
  },
  {
    id: 'critical.tonight-intent',
    level: 'critical',
    pattern: new RegExp(
      `\\b(?:tonight|today) (?:is the (?:night|day)|i am (?:going to|doing it)|i will)\\b.{0,30}(?:${SELF_END}|\\bdo it\\b|\\bgo through with it\\b)`,
    ),
    reason: 'says they intend to end their life, with a time',
  },
  {
    id: 'critical.note',
    level: 'critical',
    pattern: /\b(?:wrote|written|writing|write|left) (?:my|a) (?:suicide|goodbye|last) (?:note|letter)\b/,
    reason: 'mentions a goodbye note',
  },
  {
    id: 'critical.when-you-read',
    level: 'critical',
    pattern:
      /\b(?:by the time|when) (?:you|anyone|someone|people) (?:read|reads|see|sees) this,? i (?:will|would) (?:be gone|be dead|not be here|have)/,
    reason: 'a farewell written to be read after they are gone',
    negatable: false,
  },
  {
    id: 'critical.means-ready',
    level: 'critical',
    pattern:
      /\bi (?:have|got|bought|collected|saved up|am holding) (?:the|all the|enough|my|a) (?:pills|rope|gun|blade|razor|meds|tablets)\b.{0,40}\b(?:ready|tonight|now|to (?:end|do it|die)|for (?:it|later|tonight))\b/,
    reason: 'says they have the means ready',
  },
  {
    id: 'critical.goodbye-forever',
    level: 'critical',
    pattern:
      /\b(?:this is|consider this) (?:my )?(?:final |last )?(?:goodbye|farewell|last message)\b.{0,40}\b(?:forever|everyone|i love you all|i am sorry|sorry for everything|i will not be)\b/,
    reason: 'a final goodbye',
  },
  {
    id: 'critical.said-goodbyes',
    level: 'critical',
    pattern: /\b(?:said my goodbyes|gave away (?:all )?my (?:stuff|things|belongings))\b/,
    reason: 'has said goodbyes or given belongings away',
  },

  // high: suicidal thoughts or intent, self-harm
  {
    id: 'high.intent',
    level: 'high',
    pattern: new RegExp(
      `\\b(?:i|i am) ${ADV}(?:want to|going to|will|plan to|planning to|about to|ready to|decided to|thinking (?:about|of)|think about|thought about|considering|tempted to|need to|feel like|wish i could|might|should) ${ADV}${SELF_END}\\b`,
    ),
    reason: 'talks about wanting or planning to end their life',
    hyperbole: true,
    intent: true,
  },
  {
    id: 'high.end-life',
    level: 'high',
    pattern: new RegExp(`\\b${SELF_END}\\b(?! (?:with|in|on|by accident|to (?:respawn|reset|skip))\\b)`),
    reason: 'talks about ending their life',
    hyperbole: true,
    intent: true,
  },
  {
    id: 'high.want-to-die',
    level: 'high',
    pattern: new RegExp(
      `\\bi (?:am |feel )?${ADV}(?:want to|wish (?:to|i could)|would rather|just want to|going to|ready to|need to|deserve to|hope i) ${ADV}${DIE}${NOT_IDIOM}`,
    ),
    reason: 'says they want to die',
    hyperbole: true,
    intent: true,
  },
  {
    id: 'high.wish-dead',
    level: 'high',
    pattern:
      /\bi (?:wish|hope) i (?:was|were|would be|could be|am) (?:dead|gone for good)\b|\bi wish i (?:would|could) (?:just )?(?:die|disappear forever|not wake up)\b/,
    reason: 'wishes they were dead',
    hyperbole: true,
  },
  {
    id: 'high.not-want-live',
    level: 'high',
    pattern: new RegExp(
      `\\b(?:do not|no longer|never|not) ${ADV}(?:want|wish) to (?:live|be alive|exist|wake up|be here anymore|keep living|go on living)\\b(?! forever)`,
    ),
    reason: 'says they do not want to live',
    negatable: false,
    hyperbole: true,
  },
  {
    id: 'high.not-sure-live',
    level: 'high',
    pattern:
      /\b(?:do not think|not sure|am not sure|do not know if) i (?:want|can) (?:to )?(?:live|be alive|keep living|go on|keep going)\b(?! forever)/,
    reason: 'doubts they want to keep living',
    negatable: false,
  },
  {
    id: 'high.suicidal',
    level: 'high',
    pattern:
      /\b(?:suicidal|suicide)\b(?! (?:prevention|awareness|squad|rates?|statistics|hotline|lifeline|line|helpline|hotlines|run|mission|jump|doors?|king|boys|bomber|note generator))/,
    reason: 'mentions suicidal thoughts',
    hyperbole: true,
    subjectless: true,
  },
  {
    id: 'high.self-harm-urge',
    level: 'high',
    pattern:
      /\b(?:want|going|need|urge|urges|tempted|feel like|itching|about|wanting|craving) (?:to )?(?:really )?(?:hurt|harm|cut|burn|punish|starve) myself\b|\b(?:urges?|relapsed?|relapsing|started|start|back to|been) (?:to |on |into )?(?:self[- ]?harm(?:ing)?|cutting)(?: again)?\b/,
    reason: 'talks about wanting to hurt themselves',
  },
  {
    id: 'high.self-harm',
    level: 'high',
    pattern:
      /\bi (?:have been|keep|am|was|started|have started) (?:hurting|harming|cutting|burning|punishing) myself\b|\bi (?:self[- ]?harm|cut myself|cut again|hurt myself again)\b(?! (?:shaving|cooking|chopping|on|with the|by accident|at|while|playing|in the))/,
    reason: 'says they are hurting themselves',
  },
  {
    id: 'high.better-off',
    level: 'high',
    pattern:
      /\b(?:everyone|everybody|they|the world|my (?:family|friends|parents)|people) (?:would|will|is|are) (?:all )?be better (?:off )?without me\b|\bi would be better off dead\b|\bbetter off dead\b/,
    reason: 'feels others would be better off without them',
    subjectless: true,
  },
  {
    id: 'high.no-reason',
    level: 'high',
    pattern:
      /\b(?:no|not a single|not one) (?:reason|point) (?:left )?(?:to|in|for) (?:live|living|being alive|staying alive|going on|me to live)\b/,
    reason: 'sees no reason to live',
  },
  {
    id: 'high.never-wake',
    level: 'high',
    pattern: /\b(?:go to sleep|fall asleep|sleep) and (?:never|not) wake up\b/,
    reason: 'wishes not to wake up',
    hyperbole: true,
  },

  // medium: passive wishes, hopelessness, self-harm past
  {
    id: 'medium.kms',
    level: 'medium',
    pattern: /\b(?:kms|kmsl|kmys)\b/,
    reason: 'slang for wanting to end their life (often a joke)',
    hyperbole: true,
    intent: true,
    subjectless: true,
  },
  {
    id: 'medium.cant-go-on',
    level: 'medium',
    pattern:
      /\b(?:i )?can not (?:go on|keep going|(?:do|take|handle|deal with) (?:it|this|that|life|any of this|this \w+|everything) anymore|take much more|keep doing this|live like this)\b/,
    reason: 'feels they cannot go on',
    negatable: false,
    hyperbole: true,
  },
  {
    id: 'medium.self-harm-mention',
    level: 'medium',
    pattern: /\bself[- ]?harm(?:ing)?\b(?! (?:awareness|resources|support|hotline|prevention))/,
    reason: 'mentions self-harm',
    subjectless: true,
  },
  {
    id: 'medium.disappear',
    level: 'medium',
    pattern:
      /\b(?:want|wish (?:i could)?|just want) (?:to )?(?:disappear|vanish|fade away|stop feeling anything|not feel anything anymore)(?: forever| for good)?\b/,
    reason: 'wants to disappear',
    hyperbole: true,
  },
  {
    id: 'medium.not-be-here',
    level: 'medium',
    pattern:
      /\bi (?:will not|am not going to|may not|might not|probably will not) be (?:here|around) (?:anymore|much longer|for much longer|for long|tomorrow|by tomorrow|next week|by (?:the )?morning)\b/,
    reason: 'hints they may not be around much longer (an indirect warning sign)',
    negatable: false,
    hyperbole: true,
    intent: true,
    absence: true,
  },
  {
    id: 'medium.burden',
    level: 'medium',
    pattern:
      /\bi am (?:just |such )?a (?:burden|waste of space|mistake)\b|\b(?:nobody|no one|not a single person) would (?:even )?(?:notice|care|miss me) if i (?:was|were|died|disappeared|left|was gone)\b/,
    reason: 'feels like a burden or that nobody would miss them',
  },
  {
    id: 'medium.no-way-out',
    level: 'medium',
    pattern:
      /\bthere is no (?:way out|hope(?: left)?(?: for me)?|point anymore|point in anything)\b|\bi (?:have )?(?:given|giving|give) up on (?:life|everything|myself|living)\b|\bwhat is the point (?:of|in) (?:living|life|being alive|going on|anything)\b/,
    reason: 'feels hopeless about the future',
    hyperbole: true,
  },
  {
    id: 'medium.tired-of-living',
    level: 'medium',
    pattern:
      /\b(?:tired|sick|exhausted) of (?:living|being alive|existing|life itself|waking up)\b|\bhate (?:being alive|existing|waking up every day)\b/,
    reason: 'tired of being alive',
    hyperbole: true,
  },
  {
    id: 'medium.never-born',
    level: 'medium',
    pattern: /\bwish i (?:was|were|had) never (?:been )?born\b/,
    reason: 'wishes they had never been born',
    hyperbole: true,
  },

  // low: distress worth noticing, nothing sent
  {
    id: 'low.hopeless',
    level: 'low',
    pattern:
      /\bi (?:am|feel|have been feeling|feel so|am so|have been) (?:so |really |very |completely |just |totally |kind of )*(?:hopeless|worthless|empty inside|empty|numb|useless|broken|like a failure|like nothing|unloved|unwanted)\b/,
    reason: 'feels hopeless or worthless',
  },
  {
    id: 'low.depressed',
    level: 'low',
    pattern:
      /\bi am (?:so |really |very |getting |feeling )*depressed\b|\bmy depression\b|\b(?:nobody|no one) (?:cares about|loves|wants|likes) me\b|\bi (?:hate|can not stand) (?:my life|myself|who i am)\b|\bi am (?:so |completely |totally |all )+alone\b|\bcrying myself to sleep\b|\bi feel so alone\b/,
    reason: 'describes low mood or loneliness',
    hyperbole: true,
  },
  {
    id: 'low.someone-else',
    level: 'low',
    pattern:
      /\b(?:he|she|they|my (?:friend|brother|sister|mom|mum|dad|partner|girlfriend|boyfriend|cousin|classmate)|a friend|someone i know) (?:said|says|told me|keeps saying|is|has been|wants|want|talks about|talked about|is talking about|is thinking about|mentioned)\b.{0,30}\b(?:kill (?:himself|herself|themselves|themself)|suicid|to die|self[- ]?harm|hurt(?:ing)? (?:himself|herself|themselves))/,
    reason: 'worried about someone else',
    negatable: false,
  },
];

/** Context that turns "I want to die" into everyday exaggeration. */
export const TRIVIAL_CONTEXT =
  /\b(?:homework|assignment|essay|exam|exams|test|quiz|class|lecture|meeting|meetings|boss|shift|traffic|queue|monday|mondays|cringe|embarrass\w*|awkward|hangover|hungover|chemistry|maths?|calculus|physics|teacher|deadline|commute|wifi|internet|laptop|printer|spreadsheet|zoom call|group chat|tiktok|episode|season finale|cliffhanger|spoilers?|pizza|coffee|tacos?|heat|sunburn|cold|flu|leg day|gym|workout|cramps|dentist|this song|that song|this joke|that joke|this meme)\b/;

/** An everyday reason to be away, which explains "I won't be here tomorrow". */
export const ABSENCE_CONTEXT =
  /\b(?:going (?:to|on|away|out)|trip|travel\w*|flight|fly\w*|vacation|holiday|holidays|visit\w*|appointment|out of town|busy|work|working|shift|school|class|college|uni|exam|camp|wedding|funeral|hospital|surgery|offline|online|on here|wifi|internet|grounded|moving|stream|practice|back (?:on|in|next|tomorrow|soon|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/;

/** Gaming talk: dying and killing are the rules of the game. */
export const GAMING_CONTEXT =
  /\b(?:respawn\w*|spawn|hp|boss fight|the boss|level \d+|lvl|minecraft|fortnite|valorant|league|ranked|grenade|noob|lag|lagging|lobby|raid|pvp|pve|gg|teammates?|npc|quest|dungeon|creeper|lava|fall damage|speedrun\w*|checkpoint|in game|in-game|game|games|gaming|controller|fps|cod|apex|overwatch|elden ring|dark souls|souls ?like|zelda|mario|pokemon|my character|hardcore mode|permadeath|roblox|among us|impostor|sniper|headshot|killstreak|clutch|round|match)\b/;

/** A song line, not the author speaking. Only lines that would otherwise match a rule are listed. */
export const KNOWN_LYRICS = [
  /\bi do not want to live forever\b/,
  /\bi hurt myself today to see if i still feel\b/,
  /\bsuicide is painless\b/,
  /\bthe dreams in which i am dying\b/,
  /\bmama,? just killed a man\b/,
  /\bi want to break free\b/,
  /\b1 ?800 ?273 ?8255\b/,
  /\bi want to die,? i want to die,? i want to die\b/,
  /\b(?:lyrics|song|singing|sings|chorus|verse|album|track)\b/,
];

/** Looking back, or recovering: worth a kind word, not an alarm. */
export const PAST_CONTEXT =
  /\b(?:used to|back when|back then|years ago|months ago|when i was (?:younger|a kid|a teen|in (?:school|high school|college))|in the past|i was suicidal|i survived|survivor|recovered|recovering|recovery|clean (?:from \w+ )?for \d+|\d+ (?:days|weeks|months|years) clean|no longer (?:feel|think)|therapy helped|got better|getting better|doing better now)\b/;

/** Signs that make a stated intent critical when they come with it. */
export const ESCALATORS: { pattern: RegExp; reason: string }[] = [
  {
    pattern:
      /\b(?:tonight|today|right now|this (?:evening|weekend)|in (?:a|an|\d+) (?:few )?(?:minutes?|hours?)|before (?:morning|tomorrow))\b/,
    reason: 'with a time',
  },
  {
    pattern:
      /\b(?:goodbye|good bye|farewell|last message|final message|i love you all|take care of (?:my|yourselves)|sorry for everything)\b/,
    reason: 'with a goodbye',
  },
  {
    pattern:
      /\b(?:pills|rope|gun|blade|razor|bridge|overdose|od)\b|\bhave a plan\b|\bmade a plan\b|\bknow how i (?:will|would)\b/,
    reason: 'with a plan or means',
  },
];

export const NEGATORS = /\b(?:not|never|no|nobody|nothing|without|neither|nor|stop|quit)\b/;
/** Negators that do not negate what follows. */
export const NOT_NEGATING =
  /\b(?:not sure|not just|not only|not even sure|can not stop|could not stop|never stop|not gonna lie|not going to lie|no cap|no joke|no but|not that i|not kidding|not joking|no really)\b/;
export const THIRD_PERSON_SUBJECT =
  /\b(?:he|she|they|his|her|their|my (?:friend|brother|sister|mom|mum|dad|partner|girlfriend|boyfriend|cousin|classmate)|a friend|someone|somebody|people|the character|this character)\b/;
export const FIRST_PERSON = /\b(?:i|me|my|myself|feeling|feel|felt)\b/;
export const REPORTED_SPEECH =
  /\b(?:he|she|they|someone|somebody|my \w+|the (?:character|song|book|movie|show|teacher|video))\b.{0,25}\b(?:said|says|told|tells|texted|wrote|writes|sang|sings|goes|went|asked|posted|tweeted|was like|is like)\b/;
