import type { AuditActor } from '@sigap/server/audit';
import { mentionScopeOf, type AuthenticatedUser, type MentionScope } from '@sigap/server/auth';
import { SigapErrorCode, SigapException } from '@sigap/server/core';
import type { RequestOrigin } from '@sigap/server/desk';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RequestLike {
  ip?: string;
  id?: unknown;
}

export const originOf = (request: RequestLike): RequestOrigin => ({ ip: request.ip ?? null, requestId: request.id ? String(request.id) : null });

export const actorOf = (user: AuthenticatedUser, origin: RequestOrigin): AuditActor => ({
  id: user.id,
  role: user.role,
  ip: origin.ip,
  requestId: origin.requestId,
});

/** The outbox acts on its own: audit rows name no user. */
export const SYSTEM_ACTOR: AuditActor = { id: null, role: 'system' };

/** Mentions (and their replies) a user may act on; liaisons none at all. */
export function deskScopeOf(user: AuthenticatedUser): MentionScope {
  const scope = mentionScopeOf(user);
  if (scope.kind === 'none') throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not handle mentions');
  return scope;
}

export const notFound = (what: string) => new SigapException(SigapErrorCode.NOT_FOUND, `${what} not found`);
