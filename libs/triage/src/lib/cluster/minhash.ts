/**
 * MinHash over word shingles, with LSH band keys. Everything is 32-bit integer arithmetic with
 * fixed seeds, so the same words give the same signature in every process and on every run.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const GOLDEN = 0x9e3779b1;
// Marks the start and the end of a message, so its first and last words count as shingles too.
const EDGE_START = 0x5bd1e995;
const EDGE_END = 0x1b873593;

/** Murmur3's finaliser: spreads every input bit over the whole word. */
export function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a word with every run of one repeated character read once ("banjiiir" = "banjir"). */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  let previous = -1;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === previous) continue;
    previous = code;
    h = Math.imul(h ^ code, FNV_PRIME);
  }
  return h >>> 0;
}

const pair = (a: number, b: number): number => mix32(Math.imul(a, GOLDEN) ^ b);

/**
 * The set of word bigrams of a message, start and end included ("^ banjir", "banjir di", …,
 * "gedebage $"), as sorted distinct 30-bit hashes (small integers: compact arrays, fast compares).
 * Empty when there are no words.
 */
export function shingleSet(words: readonly string[]): number[] {
  if (words.length === 0) return [];
  const out = new Array<number>(words.length + 1);
  let previous = EDGE_START;
  for (let i = 0; i < words.length; i++) {
    const current = hashWord(words[i]);
    out[i] = pair(previous, current) >>> 2;
    previous = current;
  }
  out[words.length] = pair(previous, EDGE_END) >>> 2;
  // Insertion sort: messages are short, and it leaves a packed array of small integers.
  for (let i = 1; i < out.length; i++) {
    const value = out[i];
    let j = i - 1;
    while (j >= 0 && out[j] > value) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = value;
  }
  let distinct = 1;
  for (let i = 1; i < out.length; i++) if (out[i] !== out[distinct - 1]) out[distinct++] = out[i];
  out.length = distinct;
  return out;
}

/** |a ∩ b| / |a ∪ b| of two sorted distinct sets. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

export interface MinHasher {
  readonly bands: number;
  readonly rows: number;
  /**
   * One key per band; two sets share a key when their signatures agree on that whole band. Keys
   * are 30-bit, so engines keep them as small integers, with the band mixed in.
   */
  bandKeys(shingles: readonly number[]): number[];
}

/**
 * `bands × rows` hash functions. Two sets with Jaccard similarity s share at least one band key
 * with probability 1 − (1 − s^rows)^bands (20 × 3: 0.93 at s = 0.5, 0.42 at 0.3, 0.15 at 0.2).
 */
export function createMinHasher(bands: number, rows: number): MinHasher {
  const size = bands * rows;
  const seeds = new Int32Array(size);
  const multipliers = new Int32Array(size);
  for (let k = 0; k < size; k++) {
    seeds[k] = mix32(0x6a09e667 + k);
    // Odd, so that multiplying is a permutation of the 32-bit words; the order of the products
    // (as signed integers) is the k-th random permutation of the shingles.
    multipliers[k] = mix32(0xbb67ae85 ^ k) | 1;
  }
  const signature = new Int32Array(size);

  return {
    bands,
    rows,
    bandKeys(shingles: readonly number[]): number[] {
      const n = shingles.length;
      for (let k = 0; k < size; k++) {
        const seed = seeds[k];
        const multiplier = multipliers[k];
        let min = 0x7fffffff;
        for (let s = 0; s < n; s++) {
          const h = Math.imul(shingles[s] ^ seed, multiplier);
          if (h < min) min = h;
        }
        signature[k] = min;
      }
      const keys = new Array<number>(bands);
      for (let b = 0; b < bands; b++) {
        let h = mix32(0x3c6ef372 + b);
        for (let r = 0; r < rows; r++) h = Math.imul(h ^ signature[b * rows + r], FNV_PRIME);
        keys[b] = mix32(h) >>> 2;
      }
      return keys;
    },
  };
}
