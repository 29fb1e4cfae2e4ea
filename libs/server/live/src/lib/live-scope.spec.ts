import { isVisibleTo, roomOf, scopeOfRoom } from './live-scope';

describe('live scope rooms', () => {
  it('round-trips a scope through its room name', () => {
    expect(scopeOfRoom(roomOf({ kind: 'all' }))).toEqual({ kind: 'all' });
    expect(scopeOfRoom(roomOf({ kind: 'opds', opds: ['DLH', 'DSDABM'] }))).toEqual({ kind: 'opds', opds: ['DLH', 'DSDABM'] });
    expect(scopeOfRoom('some-socket-id')).toBeNull();
  });

  it('shows an admin its OPDs and unrouted mentions only', () => {
    const scope = { kind: 'opds' as const, opds: ['DISKARPB'] };
    expect(isVisibleTo({ opdCodes: ['DISKARPB', 'DPKP'] }, scope)).toBe(true);
    expect(isVisibleTo({ opdCodes: [] }, scope)).toBe(true);
    expect(isVisibleTo({ opdCodes: ['DISDUKCAPIL'] }, scope)).toBe(false);
    expect(isVisibleTo({ opdCodes: ['DISDUKCAPIL'] }, { kind: 'all' })).toBe(true);
    expect(isVisibleTo({ opdCodes: [] }, { kind: 'none' })).toBe(false);
  });
});
