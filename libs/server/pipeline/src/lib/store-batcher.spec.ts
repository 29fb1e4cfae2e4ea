import { StoreBatcher } from './store-batcher';

describe('StoreBatcher', () => {
  it('writes concurrent items in shared batches, one batch at a time, and settles each caller', async () => {
    const batches: number[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const batcher = new StoreBatcher<number, number>(
      async (items) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        batches.push(items);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return items.map((n) => n * 10);
      },
      { maxBatch: 4, windowMs: 10 },
    );
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.add(i)));
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(4);
    expect(batches.length).toBeLessThan(10);
    expect(maxInFlight).toBe(1);
  });

  it('fails only the items whose slot holds an Error, and every item when the write throws', async () => {
    const batcher = new StoreBatcher<number, string>(
      async (items) => items.map((n) => (n === 2 ? new Error('bad row 2') : `ok ${n}`)),
      { maxBatch: 10, windowMs: 1 },
    );
    const settled = await Promise.allSettled([1, 2, 3].map((n) => batcher.add(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);

    const broken = new StoreBatcher<number, string>(async () => {
      throw new Error('database down');
    }, { maxBatch: 10, windowMs: 1 });
    const all = await Promise.allSettled([1, 2].map((n) => broken.add(n)));
    expect(all.every((s) => s.status === 'rejected')).toBe(true);
  });

  it('drain() writes what is still waiting', async () => {
    const written: number[] = [];
    const batcher = new StoreBatcher<number, number>(async (items) => {
      written.push(...items);
      return items;
    }, { maxBatch: 100, windowMs: 60_000 });
    const pending = batcher.add(7);
    await batcher.drain();
    await expect(pending).resolves.toBe(7);
    expect(written).toEqual([7]);
  });
});
