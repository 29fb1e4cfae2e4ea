import { createMinHasher, hashWord, jaccard, shingleSet } from './minhash';

const words = (text: string): string[] => text.split(' ');

describe('minhash', () => {
  it('reads a stretched word like the plain one', () => {
    expect(hashWord('banjiiiir')).toBe(hashWord('banjir'));
    expect(hashWord('banjir')).not.toBe(hashWord('banjar'));
  });

  it('makes one shingle per word pair, the two ends included, without repeats', () => {
    expect(shingleSet(words('a b c')).length).toBe(4);
    expect(shingleSet(words('a b a b')).length).toBe(4);
    expect(shingleSet([]).length).toBe(0);
    expect(shingleSet(words('b a'))).not.toEqual(shingleSet(words('a b')));
  });

  it('computes the Jaccard similarity of two sets', () => {
    const a = shingleSet(words('pohon tumbang di jalan dago'));
    expect(jaccard(a, a)).toBe(1);
    // 6 shingles each, 4 shared: 4 / 8.
    expect(jaccard(a, shingleSet(words('pohon tumbang di jalan riau')))).toBe(0.5);
    expect(jaccard(a, shingleSet(words('sampah menumpuk')))).toBe(0);
    expect(jaccard(a, [])).toBe(0);
  });

  it('gives equal sets equal band keys, and the same keys in every hasher', () => {
    const set = shingleSet(words('banjir sedada di gedebage warga terjebak'));
    const keys = createMinHasher(20, 3).bandKeys(set);
    expect(keys).toHaveLength(20);
    expect(createMinHasher(20, 3).bandKeys(set)).toEqual(keys);
    expect(new Set(keys).size).toBe(20);
    const other = createMinHasher(20, 3).bandKeys(shingleSet(words('lampu jalan mati di jalan riau sejak seminggu')));
    expect(other.filter((key) => keys.includes(key))).toEqual([]);
  });

  it('finds most pairs above half similarity as candidates, few far below', () => {
    const hasher = createMinHasher(20, 3);
    const base = Array.from({ length: 20 }, (_, i) => `w${i}`);
    let near = 0;
    let far = 0;
    for (let trial = 0; trial < 200; trial++) {
      const a = base.map((w) => `${w}-${trial}`);
      // Two words replaced: Jaccard 17 / 25 = 0.68; all but four: 3 / 39 ≈ 0.08.
      const b = a.map((w, i) => (i === 5 || i === 13 ? `x${i}-${trial}` : w));
      const d = a.map((w, i) => (i % 10 < 8 ? `y${i}-${trial}` : w));
      const keysA = new Set(hasher.bandKeys(shingleSet(a)));
      if (hasher.bandKeys(shingleSet(b)).some((k) => keysA.has(k))) near++;
      if (hasher.bandKeys(shingleSet(d)).some((k) => keysA.has(k))) far++;
    }
    expect(near).toBeGreaterThan(190);
    expect(far).toBeLessThan(8);
  });
});
