import type { Client } from 'pg';
import type { Stack } from '../stack';

/**
 * Who calls in the authorisation matrix. `admin` answers for DLH, where the matrix's mentions are
 * routed; `adminOtherOpd` answers for DISHUB only and must never reach them.
 */
export const MATRIX_ACTORS = ['anonymous', 'liaison', 'adminOtherOpd', 'admin', 'supervisor', 'superadmin'] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];

export interface MatrixContext {
  stack: Stack;
  db: Client;
  /** Access tokens (null for anonymous). */
  tokens: Record<MatrixActor, string | null>;
  /** User ids (null for anonymous). */
  userIds: Record<MatrixActor, string | null>;
  /** A new mention routed to DLH only, stored and unclaimed. */
  freshMention(): Promise<string>;
  /** Calls `/api/v1<path>` as the superadmin: for setting up what a case needs. */
  asSuperadmin<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** One REST endpoint: every actor calls it once, each on freshly prepared data. */
export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as documented, e.g. `/mentions/:id/claim` (for the report). */
  route: string;
  /** Builds the concrete path and body for one call, creating what it needs. */
  prepare(ctx: MatrixContext, actor: MatrixActor): Promise<{ path: string; body?: unknown }>;
  /** Actors the server must let through (any answer but 401/403/404). Everyone else is refused. */
  allowed: readonly MatrixActor[];
}

/** One client → server socket event on `/live`, answered with an acknowledgement. */
export interface SocketCase {
  event: string;
  prepare(ctx: MatrixContext, actor: MatrixActor): Promise<unknown>;
  /** Actors whose acknowledgement must be `{ ok: true }`; others get `{ ok: false, code }` with FORBIDDEN or NOT_FOUND. */
  allowed: readonly MatrixActor[];
  /** Actors that may not even connect to `/live` are listed here; they are skipped for events. */
}

export const ALL_SIGNED_IN: readonly MatrixActor[] = ['liaison', 'adminOtherOpd', 'admin', 'supervisor', 'superadmin'];
export const DESK_OF_DLH: readonly MatrixActor[] = ['admin', 'supervisor', 'superadmin'];
export const SUPERVISORS: readonly MatrixActor[] = ['supervisor', 'superadmin'];
export const SUPERADMIN: readonly MatrixActor[] = ['superadmin'];
