import { describe, expect, it } from 'vitest';
import { keepReadingPosition } from './scroll-anchor';

const ROW = 64;
const ids = (...values: string[]): string[] => values;

describe('keepReadingPosition', () => {
  it('moves the scroll position down by the rows inserted above the reader', () => {
    const before = ids('a', 'b', 'c', 'd', 'e');
    const after = ids('n1', 'n2', 'a', 'b', 'c', 'd', 'e');
    // Reading "c", 10px into it.
    expect(keepReadingPosition(before, after, 2 * ROW + 10, ROW)).toEqual({ scrollTop: 4 * ROW + 10, insertedAbove: 2 });
  });

  it('does not move when rows arrive below the reader', () => {
    const before = ids('a', 'b', 'c', 'd');
    const after = ids('a', 'b', 'c', 'n1', 'd');
    expect(keepReadingPosition(before, after, ROW, ROW)).toEqual({ scrollTop: ROW, insertedAbove: 0 });
  });

  it('leaves the list alone at the very top so new rows show', () => {
    expect(keepReadingPosition(ids('a', 'b'), ids('n', 'a', 'b'), 0, ROW)).toEqual({ scrollTop: 0, insertedAbove: 0 });
  });

  it('anchors on the next remaining row when the one being read disappeared', () => {
    const before = ids('a', 'b', 'c', 'd');
    const after = ids('n', 'a', 'd');
    // Reading "b" (index 1); "b" and "c" are gone, "d" moves from 3 to 2.
    expect(keepReadingPosition(before, after, ROW, ROW)).toEqual({ scrollTop: 0, insertedAbove: 1 });
  });

  it('counts only new ids as inserted, not rows that were already known', () => {
    const before = ids('a', 'b', 'c');
    const after = ids('c', 'a', 'b');
    expect(keepReadingPosition(before, after, 2 * ROW, ROW)).toEqual({ scrollTop: 0, insertedAbove: 0 });
  });
});
