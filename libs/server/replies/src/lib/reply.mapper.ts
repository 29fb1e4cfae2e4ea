import type { ReplyTemplateView, ReplyView } from '@sigap/contracts';
import type { ReplyRow, TemplateRow } from './replies.repository';

const holder = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const mapTemplate = (row: TemplateRow): ReplyTemplateView => ({
  id: row.id,
  title: row.title,
  body: row.body,
  category: row.category,
  scope: row.scope,
  opdCode: row.opd_code,
  incidentId: row.incident_id,
  usageCount: row.usage_count,
  archived: row.archived,
  createdBy: holder(row.created_by, row.created_by_name),
  updatedBy: holder(row.updated_by, row.updated_by_name),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const mapReply = (row: ReplyRow): ReplyView => ({
  id: row.id,
  mentionId: row.mention_id,
  author: holder(row.author_id, row.author_name) ?? { id: '', name: '' },
  text: row.text,
  templateId: row.template_id,
  status: row.status,
  direct: row.direct,
  reviewedBy: holder(row.reviewed_by, row.reviewed_by_name),
  reviewedAt: iso(row.reviewed_at),
  reviewComment: row.review_comment,
  attempts: row.attempts,
  lastError: row.last_error,
  sentAt: iso(row.sent_at),
  externalUrl: row.external_url,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});
