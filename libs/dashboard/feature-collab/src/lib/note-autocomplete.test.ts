import { describe, expect, it } from 'vitest';
import { activeHandleQuery, insertHandle, joinNames } from './note-autocomplete';

describe('note @autocomplete', () => {
  it('finds the handle being typed, not e-mail addresses', () => {
    expect(activeHandleQuery('tolong @bu', 10)).toEqual({ start: 7, query: 'bu' });
    expect(activeHandleQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeHandleQuery('mail budi@bandung', 17)).toBeNull();
    expect(activeHandleQuery('tolong @budi cek', 16)).toBeNull();
  });

  it('inserts the chosen handle with a trailing space in place of the prefix', () => {
    const text = 'tolong @bu cek ya';
    const query = activeHandleQuery(text, 10);
    expect(query).not.toBeNull();
    expect(insertHandle(text, query ?? { start: 0, query: '' }, 10, 'budi.s')).toEqual({ text: 'tolong @budi.s cek ya', cursor: 15 });
  });

  it('lists names the way each language does', () => {
    expect(joinNames(['Budi'], 'id')).toBe('Budi');
    expect(joinNames(['Budi', 'Siti', 'Rina'], 'id')).toBe('Budi, Siti dan Rina');
    expect(joinNames(['Budi', 'Siti'], 'en')).toBe('Budi and Siti');
  });
});
