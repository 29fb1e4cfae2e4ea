import type { LexiconRules } from './rule-set.types';

export interface NormalizedText {
  /** Canonical words used for matching. */
  words: string[];
  /** For each word, what the author actually wrote (a slang form, a Sundanese word, an emoji). */
  surfaces: string[];
  /** For each word, the index of the written token it came from ("nuhun" gives two words, one token). */
  origins: number[];
  /** For each word, whether it came from a hashtag (weaker evidence: trending tags get pasted on anything). */
  hashtag: boolean[];
  /** For each word, whether punctuation (. , ! ? ; : or a line break) comes right before it. */
  clauseStart: boolean[];
  /** The message contains a question mark. */
  question: boolean;
}

export interface TextNormalizer {
  normalize(text: string): NormalizedText;
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+/g;
const DIGITS_PATTERN = /^\p{N}+$/u;
const CLAUSE_BREAK_PATTERN = /[.,!?;:\n]/;
const LETTERS_OR_DIGITS_PATTERN = /\p{L}+|\p{N}+/gu;
const MAX_HASHTAG_LENGTH = 60;

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds a normaliser: lower case, no URLs or @mentions, hashtags split into words, emoji read as
 * words, letters stretched for emphasis squeezed back ("banjiiiir"), slang, abbreviations and
 * Sundanese rewritten to one canonical Indonesian form. `vocabulary` is the set of words the
 * rules know; it decides how stretched words and hashtags are read.
 */
export function createTextNormalizer(lexicon: LexiconRules, vocabulary: Iterable<string> = []): TextNormalizer {
  const replacements = new Map<string, string[]>();
  for (const [from, to] of Object.entries(lexicon.replacements)) {
    replacements.set(from.toLowerCase(), to.toLowerCase().split(/\s+/).filter(Boolean));
  }
  const emoji = new Map<string, string[]>();
  for (const [symbol, words] of Object.entries(lexicon.emoji)) {
    emoji.set(symbol, words.toLowerCase().split(/\s+/).filter(Boolean));
  }

  const known = new Set<string>();
  for (const word of vocabulary) known.add(word);
  for (const word of lexicon.vocabulary) known.add(word.toLowerCase());
  for (const [from, to] of replacements) {
    known.add(from);
    for (const word of to) known.add(word);
  }

  const emojiAlternatives = [...emoji.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  // Hashtags, @mentions, runs of letters, runs of digits and known emoji; everything else separates.
  const tokenPattern = new RegExp(
    `#[\\p{L}\\p{N}_]+|@[\\p{L}\\p{N}_.]+|\\p{L}+|\\p{N}+${emojiAlternatives ? `|${emojiAlternatives}` : ''}`,
    'gu',
  );

  const longestKnown = Math.max(0, ...[...known].map((word) => word.length));

  /** Canonical words for one written word. */
  const resolve = (word: string): readonly string[] => {
    const replaced = replacements.get(word);
    if (replaced) return replaced;
    if (known.has(word) || !hasDoubledLetter(word)) return [word];
    const single = squeeze(word, 1);
    const fromSingle = replacements.get(single) ?? (known.has(single) ? [single] : undefined);
    if (fromSingle) return fromSingle;
    const double = squeeze(word, 2);
    const fromDouble = replacements.get(double) ?? (known.has(double) ? [double] : undefined);
    return fromDouble ?? [word];
  };

  const isKnown = (word: string): boolean => known.has(word) || known.has(squeeze(word, 1));

  /** Splits "banjirbandung" into known words with as few pieces as possible; null when it cannot. */
  const segment = (body: string): string[] | null => {
    const n = body.length;
    const best: (number | undefined)[] = new Array<number | undefined>(n + 1);
    const cut: number[] = new Array<number>(n + 1).fill(-1);
    best[0] = 0;
    for (let end = 1; end <= n; end++) {
      for (let start = Math.max(0, end - longestKnown - 4); start < end; start++) {
        const before = best[start];
        if (before === undefined) continue;
        const piece = body.slice(start, end);
        if (!isKnown(piece) && !DIGITS_PATTERN.test(piece)) continue;
        const current = best[end];
        if (current === undefined || before + 1 < current) {
          best[end] = before + 1;
          cut[end] = start;
        }
      }
    }
    if (best[n] === undefined) return null;
    const pieces: string[] = [];
    for (let end = n; end > 0; end = cut[end]) pieces.push(body.slice(cut[end], end));
    return pieces.reverse();
  };

  return {
    normalize(text: string): NormalizedText {
      const words: string[] = [];
      const surfaces: string[] = [];
      const origins: number[] = [];
      const hashtag: boolean[] = [];
      const clauseStart: boolean[] = [];
      let origin = 0;
      let brokenBefore = false;
      const push = (surface: string, canonical: readonly string[], fromHashtag = false): void => {
        for (const word of canonical) {
          words.push(word);
          surfaces.push(surface);
          origins.push(origin);
          hashtag.push(fromHashtag);
          clauseStart.push(brokenBefore);
          brokenBefore = false;
        }
        origin++;
      };

      const cleaned = text.toLowerCase().replace(URL_PATTERN, ' ');
      tokenPattern.lastIndex = 0;
      let previousEnd = 0;
      for (let match = tokenPattern.exec(cleaned); match !== null; match = tokenPattern.exec(cleaned)) {
        const token = match[0];
        if (match.index > previousEnd && CLAUSE_BREAK_PATTERN.test(cleaned.slice(previousEnd, match.index))) brokenBefore = true;
        previousEnd = match.index + token.length;
        const first = token.charCodeAt(0);
        if (first === 64 /* @ */) continue;
        if (first === 35 /* # */) {
          for (const part of token.slice(1).split('_')) {
            if (!part) continue;
            const pieces =
              part.length > MAX_HASHTAG_LENGTH || replacements.has(part) || known.has(part) ? null : segment(part);
            for (const piece of pieces ?? splitLettersAndDigits(part)) push(piece, resolve(piece), true);
          }
          continue;
        }
        const emojiWords = emoji.get(token);
        if (emojiWords) push(token, emojiWords);
        else push(token, resolve(token));
      }
      return { words, surfaces, origins, hashtag, clauseStart, question: text.includes('?') };
    },
  };
}

function hasDoubledLetter(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

/** Shortens every run of one repeated character to at most `keep` characters. */
function squeeze(word: string, keep: number): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    run = i > 0 && word[i] === word[i - 1] ? run + 1 : 1;
    if (run <= keep) out += word[i];
  }
  return out;
}

function splitLettersAndDigits(part: string): string[] {
  return part.match(LETTERS_OR_DIGITS_PATTERN) ?? [];
}
