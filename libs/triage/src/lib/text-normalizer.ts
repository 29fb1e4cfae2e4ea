import { FuzzyMatcher } from './fuzzy-matcher';
import type { LexiconRules } from './rule-set.types';

export interface NormalizedText {
  /** Canonical words used for matching. */
  words: string[];
  /** For each word, what the author actually wrote (a slang form, a Sundanese word, an emoji), lower-cased. */
  surfaces: string[];
  /** For each word, the index of the written token it came from ("nuhun" gives two words, one token). */
  origins: number[];
  /** For each word, where its written token starts in the original text (UTF-16 offset). */
  starts: number[];
  /** For each word, where its written token ends in the original text (exclusive). */
  ends: number[];
  /** For each word, whether it came from a hashtag or an emoji (weaker evidence: both get pasted on anything). */
  hashtag: boolean[];
  /** For each word, whether punctuation (. , ! ? ; : or a line break) comes right before it. */
  clauseStart: boolean[];
  /** The message contains a question mark. */
  question: boolean;
}

export interface TextNormalizer {
  normalize(text: string): NormalizedText;
}

export interface TextNormalizerOptions {
  /**
   * Everyday words of the language that are never read as a misspelling of a rule word
   * ("sampai" is not "sampah"). Without them, fuzzy matching stays off.
   */
  commonWords?: ReadonlySet<string>;
  /** Words a misspelling may be corrected to; by default every word of `vocabulary`. */
  fuzzyTargets?: Iterable<string>;
}

// URLs and @mentions are recognised so that they can be skipped; they stay in the original text.
const TOKEN_PATTERN =
  /(?:https?:\/\/|www\.)\S+|@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*|#[\p{L}\p{M}\p{N}_]+|[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]+|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*/gu;
const INVISIBLE_PATTERN = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const INVISIBLE_TEST = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const NON_ASCII = /[\u0080-\uffff]/;
const MARKS_PATTERN = /\p{M}/gu;
const EMOJI_MODIFIERS = /\uFE0F|\u200D|\p{Emoji_Modifier}/gu;
const CLAUSE_BREAK_PATTERN = /[.,!?;:\n]/;
const HAS_DIGIT = /\p{N}/u;
const HAS_LETTER = /\p{L}/u;
const LETTERS_ONLY = /^\p{L}+$/u;
const LEET_INSIDE = /\p{L}[0-9]+\p{L}/u;
const REDUPLICATED = /^(\p{L}{3,})2$/u;
const LETTERS_OR_DIGITS_PATTERN = /\p{L}+|\p{N}+/gu;
const MAX_HASHTAG_LENGTH = 60;
const MAX_CACHED_WORDS = 50_000;
// Longer "words" are glued text or another script: no rule word is that long.
const MAX_FUZZY_LENGTH = 24;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g' };

/** Lower case, compatibility forms folded (full-width and "bold" letters), accents and invisible characters dropped. */
function foldToken(token: string): string {
  let out = INVISIBLE_TEST.test(token) ? token.replace(INVISIBLE_PATTERN, '') : token;
  if (NON_ASCII.test(out)) out = out.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS_PATTERN, '');
  else out = out.toLowerCase();
  return out;
}

const decodeLeet = (word: string): string => word.replace(/[0-9]/g, (digit) => LEET[digit] ?? digit);

/**
 * Builds a normaliser: lower case, no URLs or @mentions, hashtags split into words, emoji read as
 * words, invisible characters dropped, numbers used as letters read back ("b4nj1r"), "anak2" read
 * as "anak anak", letters stretched for emphasis squeezed back ("banjiiiir"), slang, abbreviations,
 * Sundanese and English rewritten to one canonical Indonesian form, and (with `commonWords`) a
 * misspelt word of six letters or more read as the rule word one edit away ("kebakran").
 * `vocabulary` is the set of words the rules know; it decides how the rest is read.
 */
export function createTextNormalizer(
  lexicon: LexiconRules,
  vocabulary: Iterable<string> = [],
  options: TextNormalizerOptions = {},
): TextNormalizer {
  const replacements = new Map<string, string[]>();
  for (const [from, to] of Object.entries(lexicon.replacements)) {
    replacements.set(foldToken(from), to.toLowerCase().split(/\s+/).filter(Boolean));
  }
  const emoji = new Map<string, string[]>();
  for (const [symbol, words] of Object.entries(lexicon.emoji)) {
    emoji.set(symbol.replace(EMOJI_MODIFIERS, ''), words.toLowerCase().split(/\s+/).filter(Boolean));
  }

  const ruleWords = new Set<string>();
  for (const word of vocabulary) ruleWords.add(word);
  const known = new Set<string>(ruleWords);
  for (const word of lexicon.vocabulary) known.add(word.toLowerCase());
  for (const [from, to] of replacements) {
    known.add(from);
    for (const word of to) known.add(word);
  }
  const common = options.commonWords ?? new Set<string>();
  const isEveryday = (word: string): boolean => known.has(word) || common.has(word);

  const fuzzyMinLength = lexicon.fuzzyMinLength ?? 0;
  const fuzzy =
    fuzzyMinLength > 0 && options.commonWords
      ? new FuzzyMatcher([...(options.fuzzyTargets ?? ruleWords)].filter((w) => LETTERS_ONLY.test(w)), fuzzyMinLength)
      : null;

  const longestKnown = Math.max(0, ...[...known].map((word) => word.length));

  /** The word as a known form: itself, a replacement, or with stretched letters squeezed. */
  const lookup = (word: string): readonly string[] | undefined => {
    const replaced = replacements.get(word);
    if (replaced) return replaced;
    if (known.has(word)) return [word];
    return undefined;
  };

  const resolveUncached = (word: string): readonly string[] => {
    const direct = lookup(word);
    if (direct) return direct;
    // Suffixes that hide a rule word: "apinya", "lubangnya", "jalanna" (Sundanese), "benarkah".
    for (const suffix of ['nya', 'na', 'lah', 'kah']) {
      if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
        const stem = word.slice(0, -suffix.length);
        if (ruleWords.has(stem)) return lookup(stem) ?? [stem];
      }
    }
    if (common.has(word)) return [word];
    if (hasDoubledLetter(word)) {
      const single = squeeze(word, 1);
      const fromSingle = lookup(single);
      if (fromSingle) return fromSingle;
      const double = squeeze(word, 2);
      const fromDouble = lookup(double);
      if (fromDouble) return fromDouble;
      if (common.has(single) || common.has(double)) return [common.has(double) ? double : single];
    }
    // "dirumah", "kepasar": a preposition written onto the word.
    if (word.length >= 6 && (word.startsWith('di') || word.startsWith('ke'))) {
      const rest = word.slice(2);
      const restWords = lookup(rest);
      if (restWords && ruleWords.has(rest)) return [word.slice(0, 2), ...restWords];
    }
    if (fuzzy && word.length >= fuzzyMinLength && word.length <= MAX_FUZZY_LENGTH && LETTERS_ONLY.test(word)) {
      const target = fuzzy.match(hasDoubledLetter(word) ? squeeze(word, 2) : word) ?? fuzzy.match(word);
      if (target) return lookup(target) ?? [target];
    }
    return [word];
  };

  const cache = new Map<string, readonly string[]>();
  /** Canonical words for one written word. */
  const resolve = (word: string): readonly string[] => {
    let words = cache.get(word);
    if (words === undefined) {
      words = resolveUncached(word);
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(word, words);
    }
    return words;
  };

  const isKnown = (word: string): boolean => known.has(word) || known.has(squeeze(word, 1)) || common.has(word);

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
        if (!isKnown(piece) && !/^\p{N}+$/u.test(piece)) continue;
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
      const out: NormalizedText = {
        words: [],
        surfaces: [],
        origins: [],
        starts: [],
        ends: [],
        hashtag: [],
        clauseStart: [],
        question: text.includes('?'),
      };
      let origin = 0;
      let brokenBefore = false;
      const push = (surface: string, canonical: readonly string[], start: number, end: number, fromHashtag = false): void => {
        for (const word of canonical) {
          out.words.push(word);
          out.surfaces.push(surface);
          out.origins.push(origin);
          out.starts.push(start);
          out.ends.push(end);
          out.hashtag.push(fromHashtag);
          out.clauseStart.push(brokenBefore);
          brokenBefore = false;
        }
        origin++;
      };
      /** A written word with its offsets: numbers read as letters or split off, then resolved. */
      const pushWord = (written: string, word: string, start: number, end: number, fromHashtag: boolean): void => {
        if (HAS_DIGIT.test(word) && HAS_LETTER.test(word)) {
          // "anak2", "surut2": the word once, so that phrases around it still meet ("ga surut2").
          const twice = REDUPLICATED.exec(word);
          if (twice) {
            push(written, resolve(twice[1]), start, end, fromHashtag);
            return;
          }
          const decoded = decodeLeet(word);
          if (LETTERS_ONLY.test(decoded) && (LEET_INSIDE.test(word) || isEveryday(decoded) || isEveryday(squeeze(decoded, 1)))) {
            push(written, resolve(decoded), start, end, fromHashtag);
            return;
          }
          LETTERS_OR_DIGITS_PATTERN.lastIndex = 0;
          for (let piece = LETTERS_OR_DIGITS_PATTERN.exec(word); piece !== null; piece = LETTERS_OR_DIGITS_PATTERN.exec(word)) {
            // Offsets of pieces are exact only when folding kept the length; otherwise the whole token.
            const exact = word.length === end - start;
            const pieceStart = exact ? start + piece.index : start;
            const pieceEnd = exact ? pieceStart + piece[0].length : end;
            push(piece[0], resolve(piece[0]), pieceStart, pieceEnd, fromHashtag);
          }
          return;
        }
        push(written, resolve(word), start, end, fromHashtag);
      };

      TOKEN_PATTERN.lastIndex = 0;
      let previousEnd = 0;
      for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
        const raw = match[0];
        const start = match.index;
        const end = start + raw.length;
        if (start > previousEnd && CLAUSE_BREAK_PATTERN.test(text.slice(previousEnd, start))) brokenBefore = true;
        previousEnd = end;
        const first = raw.charCodeAt(0);
        if (first === 64 /* @ */) continue;
        if (first === 104 /* h */ || first === 72 || first === 119 /* w */ || first === 87) {
          if (/^(?:https?:\/\/|www\.)/i.test(raw)) continue;
        }
        if (first === 35 /* # */) {
          let offset = start + 1;
          for (const part of raw.slice(1).split('_')) {
            const partStart = offset;
            offset += part.length + 1;
            const folded = foldToken(part);
            if (!folded) continue;
            const exact = folded.length === part.length;
            const pieces =
              folded.length > MAX_HASHTAG_LENGTH || replacements.has(folded) || known.has(folded) ? null : segment(folded);
            if (!pieces) {
              pushWord(folded, folded, partStart, partStart + part.length, true);
              continue;
            }
            let pieceOffset = 0;
            for (const piece of pieces) {
              const pieceStart = exact ? partStart + pieceOffset : partStart;
              const pieceEnd = exact ? pieceStart + piece.length : partStart + part.length;
              pieceOffset += piece.length;
              pushWord(piece, piece, pieceStart, pieceEnd, true);
            }
          }
          continue;
        }
        if (HAS_LETTER.test(raw) || HAS_DIGIT.test(raw)) {
          const folded = foldToken(raw);
          if (folded) pushWord(folded, folded, start, end, false);
          continue;
        }
        // Emoji are weak evidence, like hashtags: "🔥" is praise as often as fire.
        const emojiWords = emoji.get(raw.replace(EMOJI_MODIFIERS, ''));
        if (emojiWords) push(raw, emojiWords, start, end, true);
        else {
          // An emoji sequence the lexicon does not know as a whole: read each known emoji in it.
          for (const symbol of raw.replace(EMOJI_MODIFIERS, ' ').split(/\s+|(?=\p{Extended_Pictographic})/u)) {
            const words = symbol ? emoji.get(symbol) : undefined;
            if (words) push(symbol, words, start, end, true);
          }
        }
      }
      return out;
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
