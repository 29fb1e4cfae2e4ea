import { onlineListFor } from './presence.service';

describe('online list per scope', () => {
  const entries = [
    { id: '1', name: 'Siti', role: 'admin' as const, opds: ['DLH'], viewing: { mentionId: 'm-dlh', opdCodes: ['DLH'] } },
    { id: '2', name: 'Dedi', role: 'admin' as const, opds: ['DISHUB', 'DLH'], viewing: { mentionId: 'm-dishub', opdCodes: ['DISHUB'] } },
    { id: '3', name: 'Eko', role: 'admin' as const, opds: ['DISHUB'], viewing: null },
    { id: '4', name: 'Sri', role: 'supervisor' as const, opds: [], viewing: { mentionId: 'm-dishub', opdCodes: ['DISHUB'] } },
  ];

  it('shows supervisors everyone with what they view', () => {
    expect(onlineListFor({ kind: 'all' }, entries).map((u) => [u.name, u.viewing])).toEqual([
      ['Dedi', 'm-dishub'],
      ['Eko', null],
      ['Siti', 'm-dlh'],
      ['Sri', 'm-dishub'],
    ]);
  });

  it('shows an admin people sharing an OPD and supervisors, hiding mentions it may not see', () => {
    expect(onlineListFor({ kind: 'opds', opds: ['DLH'] }, entries).map((u) => [u.name, u.viewing])).toEqual([
      ['Dedi', null],
      ['Siti', 'm-dlh'],
      ['Sri', null],
    ]);
    expect(onlineListFor({ kind: 'none' }, entries)).toEqual([]);
  });
});
