import type { Mention } from '@sigap/contracts';
import type { MentionReadAccess, MentionScope } from '@sigap/server/auth';

const ROOM_PREFIX = 'scope:';
const MASKED_PREFIX = 'masked:';
const SESSION_PREFIX = 'session:';

/**
 * Each socket joins exactly one room named after its scope, so a mention routed to two of an
 * admin's OPDs still reaches that admin once per batch.
 */
export function roomOf(scope: MentionScope): string {
  switch (scope.kind) {
    case 'all':
      return `${ROOM_PREFIX}all`;
    case 'opds':
      return `${ROOM_PREFIX}opds:${scope.opds.join(',')}`;
    case 'none':
      return `${ROOM_PREFIX}none`;
  }
}

export function scopeOfRoom(room: string): MentionScope | null {
  if (!room.startsWith(ROOM_PREFIX)) return null;
  const body = room.slice(ROOM_PREFIX.length);
  if (body === 'all') return { kind: 'all' };
  if (body.startsWith('opds:')) {
    const opds = body.slice('opds:'.length);
    return { kind: 'opds', opds: opds ? opds.split(',') : [] };
  }
  return { kind: 'none' };
}

/** Readers without access to personal data get rooms of their own, fed masked batches. */
export function roomOfAccess(access: MentionReadAccess): string {
  return access.masked ? `${MASKED_PREFIX}${roomOf(access.scope)}` : roomOf(access.scope);
}

export function accessOfRoom(room: string): MentionReadAccess | null {
  const masked = room.startsWith(MASKED_PREFIX);
  const scope = scopeOfRoom(masked ? room.slice(MASKED_PREFIX.length) : room);
  return scope ? { scope, masked } : null;
}

/** Every socket opened with a session also joins that session's room, so revoking it can disconnect them. */
export const roomOfSession = (sessionId: string) => `${SESSION_PREFIX}${sessionId}`;

/** The same rule as the REST scope: an admin sees its OPDs' mentions and those not yet routed. */
export function isVisibleTo(mention: Pick<Mention, 'opdCodes'>, scope: MentionScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'opds':
      return mention.opdCodes.length === 0 || mention.opdCodes.some((code) => scope.opds.includes(code));
    case 'none':
      return false;
  }
}
