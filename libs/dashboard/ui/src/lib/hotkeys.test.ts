import { describe, expect, it } from 'vitest';
import { NO_PENDING_SHORTCUT, SHORTCUT_ACTIONS, SHORTCUT_KEYS, SHORTCUT_SEQUENCE_MS, createShortcutReader, resolveShortcut } from './hotkeys';

describe('resolveShortcut', () => {
  it('maps the single keys of the common moves', () => {
    const expected = { j: 'next', k: 'previous', c: 'claim', r: 'reply', e: 'resolve', u: 'release', m: 'myWork', '/': 'search', '?': 'help', Escape: 'escape' };
    for (const [key, action] of Object.entries(expected)) {
      expect(resolveShortcut(key, NO_PENDING_SHORTCUT, 0).action).toBe(action);
    }
    expect(resolveShortcut('x', NO_PENDING_SHORTCUT, 0).action).toBeNull();
  });

  it('reads g b and g i as sequences within the window, and nothing else after g', () => {
    const read = (keys: string[], gap = 100) => {
      let now = 0;
      const reader = createShortcutReader(() => now);
      return keys.map((key) => {
        now += gap;
        return reader(key);
      });
    };
    expect(read(['g', 'b'])).toEqual([null, 'board']);
    expect(read(['g', 'i'])).toEqual([null, 'inbox']);
    expect(read(['g', 'k', 'k'])).toEqual([null, null, 'previous']);
    expect(read(['g', 'b'], SHORTCUT_SEQUENCE_MS + 1)).toEqual([null, null]);
  });

  it('gives every action a distinct key', () => {
    const keys = SHORTCUT_ACTIONS.map((action) => SHORTCUT_KEYS[action]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
