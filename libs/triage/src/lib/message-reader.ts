import { PhraseTrie } from './phrase-trie';
import type { MisinformationRules, QuestionRules, SentimentRules } from './rule-set.types';
import type { NormalizedText } from './text-normalizer';

type ReaderPayload =
  | { kind: 'rumour'; role: 'strong' | 'hearsay' | 'verification' | 'settled' }
  | { kind: 'question' }
  | { kind: 'complaint' }
  | { kind: 'sentiment'; weight: number };

/** What a message says beyond its topic, before any decision on urgency. */
export interface MessageReading {
  /** Looks like a rumour, or asks whether one is true. */
  misinformation: boolean;
  /** The phrases that made it look so, as written. */
  rumourWords: string[];
  /** Talks about a rumour at all, flagged or settled ("itu hoaks, jangan disebar"): a matter for the information office. */
  aboutRumour: boolean;
  /** Asks something (a question mark or a question word). */
  question: boolean;
  /** Carries a complaint word ("belum", "rusak", "kenapa"). */
  complaint: boolean;
  /** Sum of the sentiment weights found, scaled for length. */
  sentiment: number;
  /**
   * Praise or thanks in the rule set's own words ("terima kasih", "mantap"), with no complaint word
   * of the rule set: the derived weights alone are too loose to call a message praise.
   */
  praise: boolean;
}

export interface MessageReader {
  read(text: NormalizedText): MessageReading;
  /** Every word of the reader's phrases, for the normaliser's vocabulary. */
  readonly vocabulary: ReadonlySet<string>;
}

export interface MessageReaderOptions {
  sentiment: SentimentRules;
  misinformation: MisinformationRules;
  questions: QuestionRules;
  /** Word weights derived from the sentiment sets; rule phrases win over them. */
  derivedWeights: ReadonlyMap<string, number>;
  /** Words that turn the sentiment of the next word or two ("tidak bagus"). */
  negators: ReadonlySet<string>;
  toWords: (phrase: string) => string[];
}

/** How much a negated sentiment word keeps, with its sign turned ("tidak bagus" is bad, not very bad). */
const NEGATED_SENTIMENT = 0.7;

/**
 * Reads the sentiment, rumour and question phrases of a message. Unlike the topic rules these
 * phrases may overlap ("bagaimana ini" is a complaint that contains a question word), so every
 * occurrence counts.
 */
export function createMessageReader(options: MessageReaderOptions): MessageReader {
  const trie = new PhraseTrie<ReaderPayload>();
  const vocabulary = new Set<string>();
  const add = (phrase: string, payload: ReaderPayload): void => {
    const words = options.toWords(phrase);
    for (const word of words) vocabulary.add(word);
    trie.add(words, payload);
  };
  const { misinformation, questions, sentiment } = options;
  for (const role of ['strong', 'hearsay', 'verification', 'settled'] as const) {
    for (const phrase of misinformation[role]) add(phrase, { kind: 'rumour', role });
  }
  for (const phrase of questions.cues) add(phrase, { kind: 'question' });
  for (const phrase of questions.complaint) add(phrase, { kind: 'complaint' });
  for (const [phrase, weight] of Object.entries(sentiment.words)) add(phrase, { kind: 'sentiment', weight });

  // A question word counts at the start of a clause, perhaps after a greeting ("min, kapan…"):
  // in the middle of one it is rhetorical or another word ("sampah di mana-mana", "gimana mau masak").
  const openers = new Set(['admin', 'permisi', 'pak', 'bu', 'kak', 'halo', 'mau', 'ingin', 'yth'].flatMap(options.toWords));
  const opensClause = (text: NormalizedText, index: number): boolean => {
    for (let i = index; i >= 0; i--) {
      if (i === 0 || text.clauseStart[i]) return true;
      if (!openers.has(text.words[i - 1])) return false;
    }
    return true;
  };

  const negatedAt = (words: readonly string[], index: number): boolean =>
    (index > 0 && options.negators.has(words[index - 1])) || (index > 1 && options.negators.has(words[index - 2]));

  return {
    vocabulary,
    read(text) {
      const { words } = text;
      let strong = false;
      let hearsay = false;
      let verification = false;
      let settled = false;
      let question = text.question;
      let complaint = false;
      const rumourWords: string[] = [];
      const covered = new Uint8Array(words.length);
      const counted = new Set<string>();
      let total = 0;
      let hits = 0;
      let praised = 0;
      let faulted = false;

      for (const match of trie.scanAll(words)) {
        for (const payload of match.payloads) {
          switch (payload.kind) {
            case 'rumour': {
              if (payload.role === 'strong') strong = true;
              else if (payload.role === 'hearsay') hearsay = true;
              else if (payload.role === 'verification') verification = true;
              else settled = true;
              if (payload.role !== 'settled' && rumourWords.length < 3) {
                const written = text.surfaces.slice(match.start, match.end).filter((w, i, all) => i === 0 || all[i - 1] !== w).join(' ');
                if (!rumourWords.includes(written)) rumourWords.push(written);
              }
              break;
            }
            case 'question':
              if (opensClause(text, match.start)) question = true;
              break;
            case 'complaint':
              complaint = true;
              break;
            case 'sentiment': {
              const key = words.slice(match.start, match.end).join(' ');
              if (counted.has(key)) break;
              counted.add(key);
              const sign = match.end - match.start === 1 && negatedAt(words, match.start) ? -NEGATED_SENTIMENT : 1;
              total += payload.weight * sign;
              hits++;
              if (payload.weight * sign > 0) praised += payload.weight * sign;
              else faulted = true;
              for (let i = match.start; i < match.end; i++) covered[i] = 1;
              break;
            }
          }
        }
      }

      for (let i = 0; i < words.length; i++) {
        if (covered[i] || counted.has(words[i])) continue;
        const weight = options.derivedWeights.get(words[i]);
        if (weight === undefined) continue;
        counted.add(words[i]);
        total += negatedAt(words, i) ? -weight * NEGATED_SENTIMENT : weight;
        hits++;
      }

      const asked = question || verification;
      // A settled rumour ("itu hoaks, jangan disebar") is not passed on, unless the author still asks.
      const flagged = (strong || (hearsay && asked)) && !(settled && !text.question);
      return {
        misinformation: flagged,
        rumourWords: flagged ? rumourWords : [],
        aboutRumour: flagged || (settled && (strong || hearsay)),
        question,
        complaint,
        sentiment: hits > 0 ? total / Math.sqrt(hits) : 0,
        praise: praised >= 1 && !faulted && !complaint,
      };
    },
  };
}
