/**
 * Hashed features of a normalised message: word unigrams and bigrams, and character 3–5-grams of
 * each word with boundary marks ("<ban", "jir>"). Each message becomes a set of bucket ids with an
 * L2-normalised binary weight, so long and short messages weigh alike. Hashing runs over the
 * characters in place: no feature string is built.
 */
export interface SparseVector {
  indices: number[];
  values: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD = 0x77; // 'w'
const BIGRAM = 0x62; // 'b'
const CHARS = 0x63; // 'c'
const SPACE = 0x20;
const OPEN = 0x3c; // '<'
const CLOSE = 0x3e; // '>'

const step = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);

/** FNV-1a over UTF-16 code units: stable across runs and platforms. */
export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = step(hash, text.charCodeAt(i));
  return hash >>> 0;
}

function hashWord(hash: number, word: string): number {
  for (let i = 0; i < word.length; i++) hash = step(hash, word.charCodeAt(i));
  return hash;
}

/** The code unit at `i` of "<word>". */
const markedAt = (word: string, i: number): number => (i === 0 ? OPEN : i === word.length + 1 ? CLOSE : word.charCodeAt(i - 1));

/** Calls `emit` with the 32-bit hash of every feature of `words` (repeats included). */
export function forEachFeatureHash(words: readonly string[], emit: (hash: number) => void): void {
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    emit(hashWord(step(FNV_OFFSET, WORD), word) >>> 0);
    if (w + 1 < words.length) emit(hashWord(step(hashWord(step(FNV_OFFSET, BIGRAM), word), SPACE), words[w + 1]) >>> 0);
    const length = word.length + 2;
    for (let n = 3; n <= 5; n++) {
      const seed = step(step(FNV_OFFSET, CHARS), n);
      for (let start = 0; start + n <= length; start++) {
        let hash = seed;
        for (let i = start; i < start + n; i++) hash = step(hash, markedAt(word, i));
        emit(hash >>> 0);
      }
    }
  }
}

// One scratch mark per bucket, reused across calls (JavaScript runs one call at a time).
const scratch = new Map<number, Uint8Array>();

/** The distinct buckets of a message's features, in first-seen order, each weighing 1/sqrt(count). */
export function hashFeatures(words: readonly string[], hashBits: number): SparseVector {
  const mask = (1 << hashBits) - 1;
  let seen = scratch.get(hashBits);
  if (!seen) {
    seen = new Uint8Array(1 << hashBits);
    scratch.set(hashBits, seen);
  }
  const marks = seen;
  const indices: number[] = [];
  forEachFeatureHash(words, (hash) => {
    const bucket = hash & mask;
    if (marks[bucket] === 0) {
      marks[bucket] = 1;
      indices.push(bucket);
    }
  });
  for (const bucket of indices) marks[bucket] = 0;
  const value = indices.length ? 1 / Math.sqrt(indices.length) : 0;
  return { indices, values: indices.map(() => value) };
}
