import type { RequestOrigin } from '@sigap/server/desk';

export interface RequestLike {
  ip?: string;
  id?: unknown;
}

export const originOf = (request: RequestLike): RequestOrigin => ({ ip: request.ip ?? null, requestId: request.id ? String(request.id) : null });
