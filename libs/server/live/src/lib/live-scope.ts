import type { Mention } from '@sigap/contracts';
import type { MentionScope } from '@sigap/server/auth';

const ROOM_PREFIX = 'scope:';

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
