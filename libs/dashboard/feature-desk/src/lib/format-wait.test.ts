import { describe, expect, it } from 'vitest';
import { formatWait } from './format-wait';

describe('formatWait', () => {
  it('reads like a board: seconds, minutes, hours and minutes, days and hours', () => {
    expect(formatWait(45)).toBe('45 dtk');
    expect(formatWait(125)).toBe('2 mnt');
    expect(formatWait(3_600)).toBe('1 jam');
    expect(formatWait(3_900)).toBe('1 jam 5 mnt');
    expect(formatWait(90_000)).toBe('1 hari 1 jam');
    expect(formatWait(3_900, 'en')).toBe('1 h 5 min');
    expect(formatWait(-3)).toBe('0 dtk');
  });
});
