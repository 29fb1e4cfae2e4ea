const EMPTY = -1;

/**
 * LSH buckets: band key → the numbers of the clusters filed under it. One open-addressing table
 * (linear probing) in one typed array of (key, value) pairs, so a lookup costs about one cache
 * miss and filing or removing allocates nothing; a Map of arrays costs several of each at
 * 200,000 keys. Keys are non-negative 30-bit integers (already random); values are non-negative
 * integers.
 */
export class BandIndex {
  /** key at 2i, value at 2i + 1. */
  private table: Int32Array;
  /** Slots − 1 (slots are a power of two). */
  private mask: number;
  private used = 0;

  constructor(capacity = 1024) {
    const slots = 2 ** Math.max(4, Math.ceil(Math.log2(capacity)));
    this.table = new Int32Array(slots * 2).fill(EMPTY);
    this.mask = slots - 1;
  }

  /** Entries held (key, value pairs). */
  get size(): number {
    return this.used;
  }

  /** Files `value` under `key`, unless it is there already or `limit` values are. */
  add(key: number, value: number, limit: number): void {
    const table = this.table;
    let i = key & this.mask;
    let count = 0;
    for (; table[2 * i] !== EMPTY; i = (i + 1) & this.mask) {
      if (table[2 * i] !== key) continue;
      if (table[2 * i + 1] === value || ++count >= limit) return;
    }
    table[2 * i] = key;
    table[2 * i + 1] = value;
    if (++this.used * 2 > this.mask + 1) this.grow();
  }

  /**
   * Writes the values filed under `key` to the start of `out` and returns how many there are;
   * returns -1 when there are `out.length` or more (a full bucket).
   */
  lookup(key: number, out: Int32Array): number {
    const table = this.table;
    let n = 0;
    for (let i = key & this.mask; table[2 * i] !== EMPTY; i = (i + 1) & this.mask) {
      if (table[2 * i] !== key) continue;
      if (n + 1 >= out.length) return -1;
      out[n++] = table[2 * i + 1];
    }
    return n;
  }

  remove(key: number, value: number): void {
    const table = this.table;
    let i = key & this.mask;
    for (; table[2 * i] !== EMPTY; i = (i + 1) & this.mask) {
      if (table[2 * i] === key && table[2 * i + 1] === value) break;
    }
    if (table[2 * i] === EMPTY) return;
    this.used--;
    // Backward-shift deletion: pull later entries of the run into the hole when their home
    // position allows, so that no tombstones are needed.
    let hole = i;
    for (let j = (hole + 1) & this.mask; table[2 * j] !== EMPTY; j = (j + 1) & this.mask) {
      const home = table[2 * j] & this.mask;
      const movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
      if (!movable) continue;
      table[2 * hole] = table[2 * j];
      table[2 * hole + 1] = table[2 * j + 1];
      hole = j;
    }
    table[2 * hole] = EMPTY;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2).fill(EMPTY);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === EMPTY) continue;
      let j = old[i] & this.mask;
      while (this.table[2 * j] !== EMPTY) j = (j + 1) & this.mask;
      this.table[2 * j] = old[i];
      this.table[2 * j + 1] = old[i + 1];
    }
  }
}
