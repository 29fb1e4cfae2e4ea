import { describe, expect, it } from 'vitest';
import { isoFromLocalInput, localInputFrom, rotaWindow } from './rota-window';

describe('rota window', () => {
  it('spans seven days from the start of the current hour', () => {
    const window = rotaWindow(Date.parse('2026-12-01T10:37:12Z'));
    expect(window).toEqual({ from: '2026-12-01T10:00:00.000Z', to: '2026-12-08T10:00:00.000Z' });
  });

  it('round-trips a datetime-local value', () => {
    const date = new Date(2026, 11, 1, 7, 30);
    expect(isoFromLocalInput(localInputFrom(date))).toBe(date.toISOString());
    expect(isoFromLocalInput('')).toBeNull();
    expect(isoFromLocalInput('bukan tanggal')).toBeNull();
  });
});
