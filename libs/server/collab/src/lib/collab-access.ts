import type { NoteUser, Role } from '@sigap/contracts';
import { handleOfEmail } from '@sigap/contracts';
import { mentionScopeOf, type AuthenticatedUser, type MentionScope } from '@sigap/server/auth';
import { SigapErrorCode, SigapException } from '@sigap/server/core';

/** Roles that work mentions on the desk (write notes, type replies). */
export const DESK_ROLES: Role[] = ['superadmin', 'supervisor', 'admin'];

/** The scope a user acts in; a role that does not handle mentions is refused (403). */
export function actingScopeOf(user: Pick<AuthenticatedUser, 'role' | 'opds'>): MentionScope {
  const scope = mentionScopeOf(user);
  if (!DESK_ROLES.includes(user.role) || scope.kind === 'none') {
    throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not handle mentions');
  }
  return scope;
}

/** The scope a user reads in; a role that sees no mentions is refused (403). */
export function readingScopeOf(user: Pick<AuthenticatedUser, 'role' | 'opds'>): MentionScope {
  const scope = mentionScopeOf(user);
  if (scope.kind === 'none') throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not read mentions');
  return scope;
}

export const mentionNotFound = () => new SigapException(SigapErrorCode.NOT_FOUND, 'mention not found');

/** Whether a user (role and OPDs) may see a mention routed to `opdCodes`. */
export function userMaySee(user: { role: Role; opds: string[] }, opdCodes: string[]): boolean {
  if (user.role === 'superadmin' || user.role === 'supervisor') return true;
  if (user.role !== 'admin') return false;
  return opdCodes.length === 0 || opdCodes.some((code) => user.opds.includes(code));
}

export const noteUserOf = (user: { id: string; name: string; email: string }): NoteUser => ({
  id: user.id,
  name: user.name,
  handle: handleOfEmail(user.email),
});
