import { BandIndex } from './band-index';

describe('BandIndex', () => {
  const values = (index: BandIndex, key: number, limit = 1000): number[] => {
    const out = new Int32Array(limit);
    const n = index.lookup(key, out);
    return [...out.subarray(0, Math.max(0, n))].sort((a, b) => a - b);
  };

  it('files several values under one key, once each, up to a limit', () => {
    const index = new BandIndex(16);
    index.add(7, 1, 3);
    index.add(7, 2, 3);
    index.add(7, 2, 3);
    index.add(7 + 16, 9, 3);
    expect(values(index, 7)).toEqual([1, 2]);
    expect(values(index, 7 + 16)).toEqual([9]);
    index.add(7, 3, 3);
    index.add(7, 4, 3);
    expect(values(index, 7)).toEqual([1, 2, 3]);
    // A full key reads as -1.
    expect(index.lookup(7, new Int32Array(3))).toBe(-1);
    expect(index.lookup(7, new Int32Array(4))).toBe(3);
    expect(index.size).toBe(4);
  });

  it('removes without losing the entries that probed past it, and grows', () => {
    const index = new BandIndex(16);
    const pairs: [number, number][] = [];
    // Keys that share home positions, so runs form and wrap around the table.
    for (let i = 0; i < 500; i++) pairs.push([(i % 37) * 64 + 15, i]);
    for (const [key, value] of pairs) index.add(key, value, 1000);
    for (const [key, value] of pairs) if (value % 3 === 0) index.remove(key, value);
    index.remove(123456, 1);
    for (const [key] of pairs) {
      const expected = pairs.filter(([k, v]) => k === key && v % 3 !== 0).map(([, v]) => v);
      expect(values(index, key, 1000)).toEqual(expected);
    }
    expect(index.size).toBe(pairs.filter(([, v]) => v % 3 !== 0).length);
  });
});
