import { ROLES_SEEING_ALL, type Role, type UserView } from '@sigap/contracts';

export type AuthenticatedUser = UserView;

/** What part of the mention stream a user may read: everything, or its OPDs plus unrouted items. */
export type MentionScope = { kind: 'all' } | { kind: 'opds'; opds: string[] } | { kind: 'none' };

export function mentionScopeOf(user: Pick<UserView, 'role' | 'opds'>): MentionScope {
  const role: Role = user.role;
  if (ROLES_SEEING_ALL.includes(role)) return { kind: 'all' };
  if (role === 'admin') return { kind: 'opds', opds: [...user.opds].sort() };
  // Liaisons read incident summaries, not citizens' personal messages.
  return { kind: 'none' };
}

/** What a user may read of the mention stream, and whether personal data must be masked first. */
export interface MentionReadAccess {
  scope: MentionScope;
  masked: boolean;
}

/**
 * Reading only: DPRD liaisons read every OPD's mentions with personal data masked. Acting on a
 * mention (claim, status, corrections…) still goes by `mentionScopeOf`, which refuses them.
 */
export function mentionReadAccessOf(user: Pick<UserView, 'role' | 'opds'>): MentionReadAccess {
  if (user.role === 'liaison') return { scope: { kind: 'all' }, masked: true };
  return { scope: mentionScopeOf(user), masked: false };
}

/**
 * SQL condition (over the mentions alias `m`) for the mentions a scope may see; pushes its
 * parameters onto `params`. The one rule every mention query applies.
 */
export function mentionScopeSql(scope: MentionScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'opds':
      params.push(scope.opds);
      return `(m.opd_codes && $${params.length}::text[] OR m.opd_codes = '{}')`;
    case 'none':
      return 'false';
  }
}
