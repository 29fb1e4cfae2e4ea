import type { MentionSort } from '@sigap/contracts';
import { validationFailed } from '@sigap/server/core';

/** The sort key of the last row of a page; opaque to clients (base64url JSON). */
export interface MentionCursor {
  sort: MentionSort;
  postedAt: string;
  id: string;
  urgencyRank?: number;
}

export function encodeCursor(cursor: MentionCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string, sort: MentionSort): MentionCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API issued' }]);
  }
  const cursor = parsed as Partial<MentionCursor>;
  const valid =
    typeof cursor === 'object' &&
    cursor !== null &&
    cursor.sort === sort &&
    typeof cursor.id === 'string' &&
    typeof cursor.postedAt === 'string' &&
    !Number.isNaN(Date.parse(cursor.postedAt)) &&
    (sort !== 'urgency' || typeof cursor.urgencyRank === 'number');
  if (!valid) throw validationFailed([{ field: 'cursor', message: 'does not belong to this sort order or is damaged' }]);
  return cursor as MentionCursor;
}
