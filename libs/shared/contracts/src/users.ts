import type { Role, UserView } from './auth';

/** A user as the superadmin's user management sees it. */
export interface UserAccount extends UserView {
  disabled: boolean;
  trainee: boolean;
  capacity: number;
  telegramChatId: string | null;
  whatsappNumber: string | null;
  createdAt: string;
  /** When the user last signed in; null when never. */
  lastLoginAt: string | null;
}

/** `POST /api/v1/users`. */
export interface CreateUserRequest {
  email: string;
  name: string;
  password: string;
  role: Role;
  opds: string[];
  trainee?: boolean;
  capacity?: number;
  telegramChatId?: string | null;
  whatsappNumber?: string | null;
}

/** `PATCH /api/v1/users/:id`: any field; a new password resets it and ends the user's sessions. */
export type UpdateUserRequest = Partial<CreateUserRequest> & { disabled?: boolean };

export const PASSWORD_MIN_LENGTH = 10;

/** One sign-in of a user (`GET /api/v1/users/:id/sessions`). */
export interface SessionView {
  id: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
  active: boolean;
}

/** `POST /api/v1/users/:id/sessions/revoke`. */
export interface RevokeSessionsResponse {
  revoked: number;
}

/** One row of the audit log as the audit browser shows it. */
export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}

/** Filters of `GET /api/v1/audit` and `GET /api/v1/audit/export.csv`. */
export interface AuditQuery {
  actorId?: string;
  /** `mention.` matches `mention.claim`, `mention.status`…; an exact action matches itself. */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO timestamps, inclusive `from`, exclusive `to`. */
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

export const AUDIT_PAGE_MAX = 500;
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
