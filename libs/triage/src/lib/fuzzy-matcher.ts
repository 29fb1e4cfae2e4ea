/**
 * Finds the one vocabulary word within one edit (a letter inserted, dropped, replaced, or two
 * neighbours swapped) of a misspelt word: "kebakran" → "kebakaran", "bajnir" → "banjir".
 *
 * The vocabulary is indexed by every form with one letter deleted (the SymSpell idea), so a
 * lookup costs one map probe per letter of the word instead of a scan of the vocabulary. A
 * candidate is confirmed with the true distance, and a word close to two vocabulary words is
 * left alone: guessing between "padam" and "padat" would be worse than not guessing.
 */
export class FuzzyMatcher {
  private readonly index = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>, minLength: number) {
    for (const word of new Set(vocabulary)) {
      if (word.length < minLength - 1 || !/^\p{L}+$/u.test(word)) continue;
      this.link(word, word);
      for (let i = 0; i < word.length; i++) this.link(word.slice(0, i) + word.slice(i + 1), word);
    }
  }

  /** The vocabulary word one edit away, or null when there is none or more than one. */
  match(word: string): string | null {
    let found: string | null = null;
    const consider = (candidates: string[] | undefined): boolean => {
      if (!candidates) return true;
      for (const candidate of candidates) {
        if (candidate === found || !withinOneEdit(word, candidate)) continue;
        if (found !== null) return false;
        found = candidate;
      }
      return true;
    };
    if (!consider(this.index.get(word))) return null;
    for (let i = 0; i < word.length; i++) {
      if (i > 0 && word[i] === word[i - 1]) continue;
      if (!consider(this.index.get(word.slice(0, i) + word.slice(i + 1)))) return null;
    }
    return found;
  }

  private link(key: string, word: string): void {
    const list = this.index.get(key);
    if (!list) this.index.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  }
}

/** Optimal string alignment distance ≤ 1, without building a matrix. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // One replacement, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
