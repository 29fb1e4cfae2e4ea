interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  payloads: T[] | null;
}

export interface PhraseMatch<T> {
  start: number;
  /** Exclusive. */
  end: number;
  payloads: readonly T[];
  /** Shorter phrases starting at the same word that the longest one swallowed. */
  shorter: (readonly T[])[] | null;
}

/** Multi-word phrases keyed word by word, matched greedily longest-first without overlaps. */
export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: null, payloads: null };

  add(words: readonly string[], payload: T): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const word of words) {
      node.next ??= new Map();
      let child = node.next.get(word);
      if (!child) {
        child = { next: null, payloads: null };
        node.next.set(word, child);
      }
      node = child;
    }
    (node.payloads ??= []).push(payload);
  }

  /**
   * Scans `words` left to right, taking the longest phrase at each position and continuing after it.
   * Shorter phrases swallowed by a longer one are kept in `shorter` for rules that only ask whether
   * a phrase occurs.
   */
  scan(words: readonly string[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < words.length) {
      let node: TrieNode<T> | undefined = this.root;
      let bestEnd = -1;
      let bestPayloads: T[] | null = null;
      let shorter: T[][] | null = null;
      for (let j = i; j < words.length && node.next; j++) {
        node = node.next.get(words[j]);
        if (!node) break;
        if (node.payloads) {
          if (bestPayloads) (shorter ??= []).push(bestPayloads);
          bestEnd = j + 1;
          bestPayloads = node.payloads;
        }
      }
      if (bestPayloads) {
        matches.push({ start: i, end: bestEnd, payloads: bestPayloads, shorter });
        i = bestEnd;
      } else {
        i++;
      }
    }
    return matches;
  }

  /** Every phrase that occurs, overlapping or not, in order of where it starts, shorter first. */
  scanAll(words: readonly string[]): { start: number; end: number; payloads: readonly T[] }[] {
    const matches: { start: number; end: number; payloads: readonly T[] }[] = [];
    for (let i = 0; i < words.length; i++) {
      let node: TrieNode<T> | undefined = this.root;
      for (let j = i; j < words.length && node.next; j++) {
        node = node.next.get(words[j]);
        if (!node) break;
        if (node.payloads) matches.push({ start: i, end: j + 1, payloads: node.payloads });
      }
    }
    return matches;
  }
}
