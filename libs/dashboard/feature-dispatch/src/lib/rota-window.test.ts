import { describe, expect, it } from 'vitest';
import { rotaWindow } from './rota-window';

describe('rota window', () => {
  it('spans seven days from the start of the current hour', () => {
    const window = rotaWindow(Date.parse('2026-12-01T10:37:12Z'));
    expect(window).toEqual({ from: '2026-12-01T10:00:00.000Z', to: '2026-12-08T10:00:00.000Z' });
  });
});
