import type { MentionHolder, MentionQuery } from './mention';
import type { MentionStatus } from './status-workflow';

/** What a person does on a rota shift: answer mentions of the OPD, or supervise it. */
export const ROTA_ROLES = ['admin', 'supervisor'] as const;
export type RotaRole = (typeof ROTA_ROLES)[number];

/**
 * The crisis desk (the last step of the escalation ladder) is whoever holds a `supervisor` shift
 * of this OPD; with nobody on such a shift, every active supervisor.
 */
export const CRISIS_DESK_OPD = 'DISKOMINFO';

export interface RotaShiftView {
  id: string;
  opdCode: string;
  user: MentionHolder;
  startsAt: string;
  endsAt: string;
  roleInShift: RotaRole;
  createdBy: MentionHolder | null;
  createdAt: string;
}

/** `POST /api/v1/rota`. */
export interface RotaShiftRequest {
  opdCode: string;
  userId: string;
  startsAt: string;
  endsAt: string;
  roleInShift: RotaRole;
}

/** `GET /api/v1/rota?opd=&from=&to=`: shifts overlapping [from, to); defaults now → now + 7 days. */
export interface RotaQuery {
  opd?: string;
  from?: string;
  to?: string;
}

/** `GET /api/v1/rota/on-call?opd=`: per OPD, who is on call now and whose shifts start next. */
export interface OnCallView {
  opdCode: string;
  now: RotaShiftView[];
  /** The earliest upcoming shifts (per role in shift) that start after now. */
  next: RotaShiftView[];
}

/** `POST /api/v1/mentions/:id/assign`; `null` removes the assignment. */
export interface MentionAssignRequest {
  userId: string | null;
}

/** Most mentions one bulk action may touch (given as ids or matched by a filter). */
export const BULK_MAX_ITEMS = 1000;

/** The reading filter of `GET /mentions`, without paging. */
export type MentionBulkFilter = Omit<MentionQuery, 'cursor' | 'limit' | 'sort'>;

export interface BulkAssignAction {
  kind: 'assign';
  userId: string | null;
}
export interface BulkStatusAction {
  kind: 'status';
  status: MentionStatus;
  reason?: string;
  forwardTo?: string;
}
export interface BulkTagAction {
  kind: 'tag';
  add?: string[];
  remove?: string[];
}
export interface BulkClaimAction {
  kind: 'claim';
}
/** Each mention gets the reply `POST /mentions/:id/replies` `{ templateId, variables }` would send (claim, approval, outbox). */
export interface BulkReplyAction {
  kind: 'reply';
  templateId: string;
  /** Values filling or overriding the template's variables, the same for every mention. */
  variables?: Record<string, string>;
}

/**
 * What a bulk action does to each mention. A union on `kind`: a new action (e.g. a templated
 * reply) is one more member here, one more DTO and one more handler on the server.
 */
export type MentionBulkAction = BulkAssignAction | BulkStatusAction | BulkTagAction | BulkClaimAction | BulkReplyAction;
export type MentionBulkActionKind = MentionBulkAction['kind'];
export const BULK_ACTION_KINDS: readonly MentionBulkActionKind[] = ['assign', 'status', 'tag', 'claim', 'reply'];

/** `POST /api/v1/mentions/bulk`: exactly one of `ids` and `filter`. */
export interface MentionBulkRequest {
  ids?: string[];
  filter?: MentionBulkFilter;
  action: MentionBulkAction;
}

export interface MentionBulkFailure {
  id: string;
  /** The error code one call on that mention would have answered (NOT_FOUND, CONFLICT, VALIDATION_FAILED…). */
  code: string;
  message: string;
}

export interface MentionBulkResult {
  total: number;
  succeeded: number;
  failed: MentionBulkFailure[];
}

/** Labels (tags) on a mention: lower-case words, digits, `-` and `_`. */
export const LABEL_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const MAX_LABELS_PER_MENTION = 20;

/** `GET /api/v1/rota/people`: active admins and supervisors, for planning shifts and assigning. */
export interface DeskPersonView {
  id: string;
  name: string;
  role: 'admin' | 'supervisor';
  opds: string[];
}
