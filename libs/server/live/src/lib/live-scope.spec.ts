import { accessOfRoom, isVisibleTo, roomOf, roomOfAccess, roomOfSession, scopeOfRoom } from './live-scope';

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

  it('keeps masked readers in rooms of their own', () => {
    const masked = roomOfAccess({ scope: { kind: 'all' }, masked: true });
    expect(masked).not.toBe(roomOf({ kind: 'all' }));
    expect(accessOfRoom(masked)).toEqual({ scope: { kind: 'all' }, masked: true });
    expect(accessOfRoom(roomOfAccess({ scope: { kind: 'all' }, masked: false }))).toEqual({ scope: { kind: 'all' }, masked: false });
    // Code that only knows plain scopes never mistakes a masked room for an unmasked one.
    expect(scopeOfRoom(masked)).toBeNull();
    expect(accessOfRoom(roomOfSession('3f1c'))).toBeNull();
  });
});
