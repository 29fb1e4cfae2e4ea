import { handleOfEmail, handlesIn } from '@sigap/contracts';
import type { CandidateUserRow } from './collab.repository';
import { excerptOf, resolveHandles } from './notes.service';

const user = (id: string, email: string, role: CandidateUserRow['role'], opds: string[] = []): CandidateUserRow => ({ id, name: id, email, role, opds });

describe('note @handles', () => {
  it('finds handles after spaces and brackets, not inside e-mail addresses, without trailing dots', () => {
    expect(handlesIn('@budi.s tolong cek. Cc (@Siti) dan @budi.s lagi, mail budi@bandung.go.id, thanks @rina.')).toEqual(['budi.s', 'siti', 'rina']);
    expect(handlesIn('tanpa handle @ sama sekali')).toEqual([]);
    expect(handleOfEmail('Budi.S@Bandung.go.id')).toBe('budi.s');
  });

  it('resolves a handle to one active user who may see the mention, and reports the others', () => {
    const candidates = [
      user('a', 'budi.s@bandung.go.id', 'admin', ['DLH']),
      user('b', 'dedi@bandung.go.id', 'admin', ['DISHUB']),
      user('c', 'sri@bandung.go.id', 'supervisor'),
      user('d', 'rina@a.go.id', 'admin', ['DLH']),
      user('e', 'rina@b.go.id', 'admin', ['DLH']),
      user('f', 'dewi@dprd.go.id', 'liaison'),
    ];
    const { resolved, unresolved } = resolveHandles(['budi.s', 'dedi', 'sri', 'rina', 'dewi', 'nobody'], candidates, ['DLH']);
    expect(resolved.map((u) => u.id)).toEqual(['a', 'c']);
    expect(unresolved).toEqual([
      { handle: 'dedi', reason: 'no_access' },
      { handle: 'rina', reason: 'ambiguous' },
      { handle: 'dewi', reason: 'no_access' },
      { handle: 'nobody', reason: 'unknown' },
    ]);
    // An unrouted mention is visible to every admin.
    expect(resolveHandles(['dedi'], candidates, []).resolved.map((u) => u.id)).toEqual(['b']);
  });

  it('keeps excerpts short and on one line', () => {
    expect(excerptOf('  satu\n\ndua  ')).toBe('satu dua');
    expect(excerptOf('x'.repeat(500))).toHaveLength(140);
  });
});
