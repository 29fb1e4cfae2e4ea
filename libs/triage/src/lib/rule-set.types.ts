import type { Urgency } from '@sigap/contracts';

/*
 * A rule set is plain JSON-compatible data: the default one ships with the code, a later one
 * may come from the database. Every phrase is written the way people write it; the engine
 * normalises phrases with the same lexicon it applies to messages before matching.
 */

export interface OpdRoute {
  code: string;
  /** 0..1: how sure the rule is that this unit should handle the matter. */
  confidence: number;
}

export interface KeywordRule {
  phrase: string;
  /** Evidence for the topic; a topic needs `scoring.minTopicWeight` in total to be chosen. */
  weight: number;
}

export interface TopicRoutingRule {
  /** The rule applies when any of these phrases occurs in the message. */
  whenAny: string[];
  /** `replace`: the first matching rule replaces the topic's default route; `append`: adds units after it. */
  mode: 'replace' | 'append';
  opd: OpdRoute[];
}

export interface TopicRule {
  id: string;
  /** Indonesian label shown to admins. */
  label: string;
  keywords: KeywordRule[];
  /** Urgency score (0-100) of a message on this topic that carries no other urgency signal. */
  baseScore: number;
  /** Default route, most responsible unit first. */
  opd: OpdRoute[];
  routing?: TopicRoutingRule[];
  /** Whether the kecamatan/kelurahan office of the place mentioned should also be routed (default true). */
  local?: boolean;
}

export interface UrgencySignalRule {
  phrase: string;
  level: Urgency;
  /** Score the signal sets; defaults to `scoring.levelScores[level]`. */
  score?: number;
  /** Only counts when the chosen topic is one of these. */
  topics?: string[];
}

export interface ModifierRule {
  phrase: string;
  /**
   * Added to the urgency score: negative for "sudah surut", "kemarin"; positive for "masih", "makin tinggi";
   * 0 to neutralise a phrase that would otherwise read as something else ("sedang memadamkan").
   */
  delta: number;
  /** Ignored when the message carries a critical or high signal: courtesy that closes an urgent request. */
  unlessAlarm?: boolean;
  /**
   * Only counts when the message reports an emergency (a critical or high signal, or a topic whose
   * base score is high): "kemarin" makes yesterday's fire old news, not a pothole reported yesterday.
   */
  onlyAlarm?: boolean;
}

export interface NegationRules {
  /** Words that cancel the keyword or signal right after them ("tidak banjir", "tidak ada korban"). */
  negators: string[];
  /** Words allowed between a negator and what it cancels ("tidak ADA YANG terjebak"). */
  bridge: string[];
  /** How many bridge words at most. */
  maxGap: number;
}

export type PlaceKind = 'kecamatan' | 'kelurahan' | 'landmark' | 'outside';

export interface PlaceRule {
  /** `KEC-<bps>`, `KEL-<bps>`, or a free id for landmarks and places outside the city. */
  code: string;
  kind: PlaceKind;
  name: string;
  aliases: string[];
  /**
   * Kecamatan codes the place lies in. A road crossing several lists them all, the usual one first;
   * a place outside Kota Bandung lists none.
   */
  kecamatan: string[];
  /** For a landmark lying in one kelurahan. */
  kelurahan?: string;
  /** Only matched after a place cue ("kel.", "di", "jalan"): the name is also a common word. */
  requiresCue?: boolean;
}

export interface PlaceCues {
  /** Words before a name that mean "the kelurahan" ("kelurahan", "kel.", "desa"). */
  kelurahan: string[];
  /** Words before a name that mean "the kecamatan" ("kecamatan", "kec."). */
  kecamatan: string[];
  /** Other words that introduce a place ("di", "daerah", "jalan"). */
  general: string[];
}

export interface LexiconRules {
  /** Whole-word rewrites applied before matching: slang, abbreviations, Sundanese. Values may be several words. */
  replacements: Record<string, string>;
  /** Emoji read as words. */
  emoji: Record<string, string>;
  /** Extra words used to split hashtags (#banjirbandung → banjir bandung) besides all rule phrases. */
  vocabulary: string[];
  /**
   * Shortest unknown word read as a misspelling of a rule word one edit away ("kebakran" → "kebakaran");
   * 0 or absent turns this off.
   */
  fuzzyMinLength?: number;
}

export interface SentimentRules {
  /**
   * Words and phrases with a weight (negative: anger, distress, a failing service; positive: thanks,
   * praise). They are added to, and win over, the word weights derived from the IndoNLU and NusaX sets.
   */
  words: Record<string, number>;
  /** A message whose total is at or below `negative` is negatif; at or above `positive`, positif. */
  thresholds: { negative: number; positive: number };
  /** Added when the message reports a problem (a topic at normal urgency or above): complaints lean negative. */
  problemBias: number;
  /** Added to the urgency score of praise or thanks that complains of nothing and raises no alarm (negative). */
  praiseDelta: number;
}

export interface MisinformationRules {
  /** Phrases that on their own mark a rumour or a question about one ("hoaks", "pesan berantai"). */
  strong: string[];
  /** Hearsay ("katanya", "beredar", "viral"): a rumour only together with a question or a check. */
  hearsay: string[];
  /** Asking whether something is true ("benar tidak", "benarkah", "asli tidak"). */
  verification: string[];
  /** The matter is settled or denied ("sudah diklarifikasi", "bukan hoaks"): not flagged. */
  settled: string[];
  /** The topic a flagged message counts towards (none when no topic has that id), and the weight it adds to that topic. */
  topic: string;
  topicWeight: number;
}

export interface QuestionRules {
  /** Words that make a message a question, besides a question mark ("bagaimana", "kapan", "apakah"). */
  cues: string[];
  /** Words that make a question a complaint ("belum", "rusak", "kenapa"): such questions are not lowered. */
  complaint: string[];
  /** Highest score of a question or suggestion that carries no complaint and no alarm (below `normal`: low). */
  maxScore: number;
}

export interface ScoringRules {
  /** Lowest score of each class; below `normal` is `low`. */
  thresholds: { critical: number; high: number; normal: number };
  /** Default score a signal of each level sets. */
  levelScores: Record<Urgency, number>;
  /** Score of a message with no topic and no signal. */
  noTopicScore: number;
  minTopicWeight: number;
  /** Factor on the weight of a keyword written only as a hashtag (#banjirbandung on a post about a tree). */
  hashtagWeight: number;
  /** Added for each extra critical/high signal beyond the strongest, up to `maxCorroboration`. */
  corroboration: number;
  maxCorroboration: number;
  /** Bounds on the total of the modifiers. */
  maxRaise: number;
  maxLower: number;
  /** Small boosts for reach; they never move a message into another class. */
  author: { verified: number; followersAtLeast: number; followers: number };
  /** Topic weight at which a route keeps its full confidence; weaker evidence scales it down. */
  fullConfidenceWeight: number;
  /** Confidence factor for units of a runner-up topic appended to the route. */
  secondaryTopicFactor: number;
  /** Confidence given to the kecamatan and kelurahan office of the place, or null not to route them. */
  areaRouting: { kecamatan: number; kelurahan: number } | null;
  maxReasons: number;
}

export interface RuleSet {
  version: string;
  lexicon: LexiconRules;
  topics: TopicRule[];
  signals: UrgencySignalRule[];
  modifiers: ModifierRule[];
  negation: NegationRules;
  places: PlaceRule[];
  placeCues: PlaceCues;
  scoring: ScoringRules;
  /** Optional sections: a rule set stored before they existed is read with the built-in defaults. */
  sentiment?: SentimentRules;
  misinformation?: MisinformationRules;
  questions?: QuestionRules;
}
