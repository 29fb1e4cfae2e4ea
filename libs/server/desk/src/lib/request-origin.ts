import type { RequestOrigin } from './desk.service';

/** The parts of an Express request the audit log keeps. */
export interface RequestLike {
  ip?: string;
  id?: unknown;
}

export const originOf = (request: RequestLike): RequestOrigin => ({ ip: request.ip ?? null, requestId: request.id ? String(request.id) : null });
