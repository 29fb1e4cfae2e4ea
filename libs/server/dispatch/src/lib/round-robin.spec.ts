import { pickAssignee, type AssigneeCandidate } from './round-robin';

const candidate = (id: string, openCount: number, lastAssignedAt: string | null = null, capacity = 10): AssigneeCandidate => ({
  id,
  capacity,
  openCount,
  lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : null,
});

describe('pickAssignee', () => {
  const everyone = new Set(['a', 'b', 'c']);

  it('gives the mention to the admin with the fewest open mentions', () => {
    expect(pickAssignee([candidate('a', 3), candidate('b', 1), candidate('c', 2)], everyone)?.id).toBe('b');
  });

  it('breaks ties by who was given a mention least recently, never-assigned first', () => {
    const candidates = [candidate('a', 1, '2026-01-01T10:00:00Z'), candidate('b', 1, '2026-01-01T09:00:00Z'), candidate('c', 1)];
    expect(pickAssignee(candidates, everyone)?.id).toBe('c');
    expect(pickAssignee(candidates.slice(0, 2), everyone)?.id).toBe('b');
  });

  it('skips admins who are offline, at capacity or excluded', () => {
    const candidates = [candidate('a', 0), candidate('b', 2, null, 2), candidate('c', 5)];
    expect(pickAssignee(candidates, new Set(['b', 'c']))?.id).toBe('c');
    expect(pickAssignee(candidates, everyone, ['a'])?.id).toBe('c');
  });

  it('returns null when nobody is eligible', () => {
    expect(pickAssignee([candidate('a', 1, null, 1)], everyone)).toBeNull();
    expect(pickAssignee([], everyone)).toBeNull();
  });
});
