import type { Channel, MentionHolder, Urgency } from './mention';
import type { MentionStatus } from './status-workflow';

/**
 * A reply's life: waiting for a supervisor (`menunggu_persetujuan`), sent back with a comment
 * (`dikembalikan`), queued in the outbox (`antri`), delivered or answered directly on the
 * platform (`terkirim`), or given up after the last delivery attempt (`gagal`).
 */
export const REPLY_STATUSES = ['menunggu_persetujuan', 'dikembalikan', 'antri', 'terkirim', 'gagal'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** Longest reply text, after the template's variables are filled. */
export const REPLY_MAX_LENGTH = 2000;

/** Who may use a template: everyone, the desk of one OPD, or replies within one incident (cluster). */
export const TEMPLATE_SCOPES = ['all', 'opd', 'incident'] as const;
export type TemplateScope = (typeof TEMPLATE_SCOPES)[number];

/** The variables a template may contain, written `{nama}` in its body. */
export const TEMPLATE_VARIABLES = ['nama', 'kecamatan', 'nomor_tiket', 'opd', 'hotline'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/g;

/** The variable names a template body uses, in order of first appearance (known or not). */
export function templateVariablesIn(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

export const isTemplateVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

export interface ReplyTemplateView {
  id: string;
  title: string;
  body: string;
  category: string;
  scope: TemplateScope;
  /** With scope `opd` (and optionally `incident`): the OPD it belongs to. */
  opdCode: string | null;
  /** With scope `incident`: the cluster id of the incident. */
  incidentId: string | null;
  usageCount: number;
  archived: boolean;
  createdBy: MentionHolder | null;
  updatedBy: MentionHolder | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/v1/templates` query. */
export interface ReplyTemplateQuery {
  q?: string;
  category?: string;
  opd?: string;
  /** Only the templates applicable to this mention, incident-scoped ones first. */
  mentionId?: string;
  /** Also list archived templates (the template manager). */
  includeArchived?: boolean;
}

/** `POST /api/v1/templates`. */
export interface CreateReplyTemplateRequest {
  title: string;
  body: string;
  category: string;
  scope: TemplateScope;
  opdCode?: string | null;
  incidentId?: string | null;
}

/** `PATCH /api/v1/templates/:id`: any subset of the fields, and archiving. */
export interface UpdateReplyTemplateRequest extends Partial<CreateReplyTemplateRequest> {
  archived?: boolean;
}

/** `POST /api/v1/templates/:id/render`. */
export interface RenderTemplateRequest {
  mentionId: string;
  variables?: Record<string, string>;
}

/** A template filled for one mention; `missing` names variables still unfilled or unknown (send is refused then). */
export interface RenderTemplateResult {
  /** The text with every variable that could be filled; unfilled ones stay as `{name}`. */
  text: string;
  missing: string[];
  /** The values used, from the mention and the caller. */
  variables: Record<string, string>;
}

/**
 * `POST /api/v1/mentions/:id/replies`: free text, a template with variables, or "answered directly
 * on the platform" with the link to that answer.
 */
export interface CreateReplyRequest {
  text?: string;
  templateId?: string;
  variables?: Record<string, string>;
  direct?: boolean;
  link?: string;
}

export interface ReplyView {
  id: string;
  mentionId: string;
  author: MentionHolder;
  text: string;
  templateId: string | null;
  status: ReplyStatus;
  /** Answered by hand on the platform; `externalUrl` links to that answer. */
  direct: boolean;
  reviewedBy: MentionHolder | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  /** Delivery attempts made by the outbox so far. */
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  externalUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The mention a reply waiting for approval answers, as the approval queue shows it. */
export interface ApprovalMentionSummary {
  id: string;
  urgency: Urgency;
  status: MentionStatus;
  channel: Channel;
  /** The first characters of the citizen's message. */
  excerpt: string;
  ticketNumber: string;
  authorHandle: string;
  opdCodes: string[];
}

/** One row of `GET /api/v1/approvals` (oldest first). */
export interface ApprovalItem {
  reply: ReplyView;
  mention: ApprovalMentionSummary;
}

export const APPROVAL_DECISIONS = ['approve', 'return'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** `POST /api/v1/approvals/:id`: approve (with `text`: edit and approve), or return with a required comment. */
export interface ApprovalDecisionRequest {
  decision: ApprovalDecision;
  text?: string;
  comment?: string;
}

/** A reply changed status; `opdCodes` are its mention's, for scoping the live rooms. */
export type LiveReplyUpdate = ReplyView;

/** What the outbox POSTs to `SIGAP_OUTBOX_WEBHOOK_URL` (signed in `x-sigap-signature` when a secret is set). */
export interface OutboxDelivery {
  replyId: string;
  mentionId: string;
  channel: Channel;
  /** The citizen's post being answered. */
  externalId: string;
  /** That post's own parent in its thread, when it had one. */
  inReplyTo: string | null;
  text: string;
  ticketNumber: string;
}

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body>` keyed with SIGAP_OUTBOX_SECRET. */
export const OUTBOX_SIGNATURE_HEADER = 'x-sigap-signature';
