import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('gives items back smallest key first', () => {
    const heap = new MinHeap<string>();
    const keys = [5, 3, 9, 1, 7, 3, 8, 2, 6, 4, 0];
    keys.forEach((key) => heap.push(key, `k${key}`));
    expect(heap.size).toBe(keys.length);
    const out: string[] = [];
    const seen: number[] = [];
    while (heap.size > 0) {
      seen.push(heap.peekKey());
      out.push(heap.pop() as string);
    }
    expect(seen).toEqual([...keys].sort((a, b) => a - b));
    expect(out).toEqual([...keys].sort((a, b) => a - b).map((key) => `k${key}`));
    expect(heap.pop()).toBeUndefined();
    expect(heap.peekKey()).toBe(Infinity);
  });
});
