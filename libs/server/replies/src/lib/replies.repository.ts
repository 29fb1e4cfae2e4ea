import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, MentionStatus, ReplyStatus, TemplateScope, Urgency } from '@sigap/contracts';
import type { MentionScope } from '@sigap/server/auth';
import { mentionScopeSql } from '@sigap/server/auth';
import { DataSource, type EntityManager } from 'typeorm';

export interface TemplateRow {
  id: string;
  title: string;
  body: string;
  category: string;
  scope: TemplateScope;
  opd_code: string | null;
  incident_id: string | null;
  usage_count: number;
  archived: boolean;
  created_by: string | null;
  created_by_name: string | null;
  updated_by: string | null;
  updated_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What a reply needs to know of its mention: variables, routing, approval rule, delivery target. */
export interface ReplyMentionRow {
  id: string;
  seq: string;
  received_at: Date;
  channel: Channel;
  external_id: string;
  in_reply_to: string | null;
  text: string;
  urgency: Urgency;
  status: MentionStatus;
  opd_codes: string[];
  cluster_id: string | null;
  author_handle: string;
  author_name: string | null;
  kecamatan_name: string | null;
}

export interface ReplyRow {
  id: string;
  mention_id: string;
  author_id: string | null;
  author_name: string | null;
  text: string;
  template_id: string | null;
  status: ReplyStatus;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  review_comment: string | null;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  external_url: string | null;
  direct: boolean;
  created_at: Date;
  updated_at: Date;
  /** The mention's routing, for scoping the live announcement. */
  opd_codes: string[];
}

export interface TemplateFilter {
  q?: string;
  category?: string;
  opd?: string;
  includeArchived?: boolean;
  /** Only templates applicable to this mention (its OPDs, its cluster), incident ones first. */
  mention?: { opdCodes: string[]; clusterId: string | null };
}

export interface NewTemplate {
  title: string;
  body: string;
  category: string;
  scope: TemplateScope;
  opdCode: string | null;
  incidentId: string | null;
}

export interface NewReply {
  mentionId: string;
  authorId: string;
  text: string;
  templateId: string | null;
  status: ReplyStatus;
  direct: boolean;
  externalUrl: string | null;
}

const TEMPLATE_COLUMNS = `t.*, cu.name AS created_by_name, uu.name AS updated_by_name`;
const TEMPLATE_FROM = `reply_templates t LEFT JOIN users cu ON cu.id = t.created_by LEFT JOIN users uu ON uu.id = t.updated_by`;
const REPLY_COLUMNS = `r.*, au.name AS author_name, rv.name AS reviewed_by_name, m.opd_codes`;
const REPLY_FROM = `replies r JOIN mentions m ON m.id = r.mention_id
  LEFT JOIN users au ON au.id = r.author_id LEFT JOIN users rv ON rv.id = r.reviewed_by`;

/**
 * SQL condition (on alias `t`) for the templates a user may see: everything for supervisors;
 * for admins the city-wide ones, their OPDs' and incident templates not tied to another OPD.
 */
function templateScopeClause(scope: MentionScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'opds':
      params.push(scope.opds);
      return `(t.scope = 'all' OR t.opd_code = ANY($${params.length}::text[]) OR (t.scope = 'incident' AND t.opd_code IS NULL))`;
    case 'none':
      return 'false';
  }
}

@Injectable()
export class RepliesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  get manager(): EntityManager {
    return this.db.manager;
  }

  async findTemplates(filter: TemplateFilter, scope: MentionScope, limit = 200): Promise<TemplateRow[]> {
    const params: unknown[] = [];
    const where = [templateScopeClause(scope, params)];
    if (!filter.includeArchived) where.push('NOT t.archived');
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(t.title ILIKE $${params.length} OR t.body ILIKE $${params.length} OR t.category ILIKE $${params.length})`);
    }
    if (filter.category) {
      params.push(filter.category);
      where.push(`t.category = $${params.length}`);
    }
    if (filter.opd) {
      params.push(filter.opd);
      where.push(`t.opd_code = $${params.length}`);
    }
    let order = 't.usage_count DESC, t.title';
    if (filter.mention) {
      params.push(filter.mention.opdCodes, filter.mention.clusterId);
      const opds = `$${params.length - 1}::text[]`;
      const cluster = `$${params.length}::uuid`;
      where.push(`(t.scope = 'all'
        OR (t.scope = 'opd' AND t.opd_code = ANY(${opds}))
        OR (t.scope = 'incident' AND t.incident_id = ${cluster} AND (t.opd_code IS NULL OR t.opd_code = ANY(${opds}))))`);
      order = `CASE t.scope WHEN 'incident' THEN 0 WHEN 'opd' THEN 1 ELSE 2 END, ${order}`;
    }
    params.push(limit);
    return this.db.query(`SELECT ${TEMPLATE_COLUMNS} FROM ${TEMPLATE_FROM} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${params.length}`, params);
  }

  async findTemplate(runner: EntityManager, id: string, scope: MentionScope, lock = false): Promise<TemplateRow | null> {
    const params: unknown[] = [id];
    const rows: TemplateRow[] = await runner.query(
      `SELECT ${TEMPLATE_COLUMNS} FROM ${TEMPLATE_FROM} WHERE t.id = $1 AND ${templateScopeClause(scope, params)}${lock ? ' FOR UPDATE OF t' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  async insertTemplate(tx: EntityManager, template: NewTemplate, by: string): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO reply_templates (title, body, category, scope, opd_code, incident_id, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
      [template.title, template.body, template.category, template.scope, template.opdCode, template.incidentId, by],
    );
    return rows[0].id;
  }

  async updateTemplate(tx: EntityManager, id: string, template: NewTemplate & { archived: boolean }, by: string): Promise<void> {
    await tx.query(
      `UPDATE reply_templates SET title = $2, body = $3, category = $4, scope = $5, opd_code = $6, incident_id = $7,
              archived = $8, updated_by = $9, updated_at = now()
        WHERE id = $1`,
      [id, template.title, template.body, template.category, template.scope, template.opdCode, template.incidentId, template.archived, by],
    );
  }

  async countTemplateUse(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE reply_templates SET usage_count = usage_count + 1 WHERE id = $1`, [id]);
  }

  /** null: no such OPD. */
  async opdActive(runner: EntityManager, code: string): Promise<boolean | null> {
    const rows: { active: boolean }[] = await runner.query(`SELECT active FROM opds WHERE code = $1`, [code]);
    return rows[0]?.active ?? null;
  }

  async clusterExists(runner: EntityManager, id: string): Promise<boolean> {
    return (await runner.query(`SELECT 1 FROM clusters WHERE id = $1`, [id])).length > 0;
  }

  async opdNames(runner: EntityManager, codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows: { code: string; name: string }[] = await runner.query(`SELECT code, name FROM opds WHERE code = ANY($1::text[])`, [codes]);
    return new Map(rows.map((row) => [row.code, row.name]));
  }

  /** The mention if the scope may see it. */
  async findMention(runner: EntityManager, id: string, scope: MentionScope): Promise<ReplyMentionRow | null> {
    const params: unknown[] = [id];
    const rows: ReplyMentionRow[] = await runner.query(
      `SELECT m.id, m.seq, m.received_at, m.channel, m.external_id, m.in_reply_to, m.text, m.urgency, m.status, m.opd_codes,
              m.cluster_id, a.handle AS author_handle, a.name AS author_name,
              (SELECT ar.name FROM areas ar WHERE ar.code = regexp_replace(m.kecamatan_code, '^KEC-', '')) AS kecamatan_name
         FROM mentions m JOIN authors a ON a.id = m.author_id
        WHERE m.id = $1 AND ${mentionScopeSql(scope, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  async isTrainee(runner: EntityManager, userId: string): Promise<boolean> {
    const rows: { trainee: boolean }[] = await runner.query(`SELECT trainee FROM users WHERE id = $1`, [userId]);
    return rows[0]?.trainee ?? false;
  }

  /** Who may decide on a reply waiting for approval (enabled supervisors and superadmins), except `exceptId`. */
  async approverIds(runner: EntityManager, exceptId: string): Promise<string[]> {
    const rows: { id: string }[] = await runner.query(
      `SELECT id FROM users WHERE role IN ('supervisor', 'superadmin') AND NOT disabled AND id <> $1`,
      [exceptId],
    );
    return rows.map((row) => row.id);
  }

  async insertReply(tx: EntityManager, reply: NewReply): Promise<ReplyRow> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO replies (mention_id, author_id, text, template_id, status, direct, external_url, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $5 = 'terkirim' THEN now() END) RETURNING id`,
      [reply.mentionId, reply.authorId, reply.text, reply.templateId, reply.status, reply.direct, reply.externalUrl],
    );
    return (await this.findReply(tx, rows[0].id)) as ReplyRow;
  }

  async findReply(runner: EntityManager, id: string, lock = false): Promise<ReplyRow | null> {
    const rows: ReplyRow[] = await runner.query(`SELECT ${REPLY_COLUMNS} FROM ${REPLY_FROM} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [id]);
    return rows[0] ?? null;
  }

  findRepliesOfMention(mentionId: string): Promise<ReplyRow[]> {
    return this.db.query(`SELECT ${REPLY_COLUMNS} FROM ${REPLY_FROM} WHERE r.mention_id = $1 ORDER BY r.created_at, r.id`, [mentionId]);
  }

  /** Replies waiting for approval, oldest first, with what the queue shows of their mentions. */
  findWaiting(limit: number): Promise<(ReplyRow & { mention: ReplyMentionRow })[]> {
    return this.db.query(
      `SELECT ${REPLY_COLUMNS},
              json_build_object('id', m.id, 'seq', m.seq, 'received_at', m.received_at, 'channel', m.channel, 'text', left(m.text, 280),
                                'urgency', m.urgency, 'status', m.status, 'opd_codes', m.opd_codes, 'author_handle', ma.handle) AS mention
         FROM ${REPLY_FROM} JOIN authors ma ON ma.id = m.author_id
        WHERE r.status = 'menunggu_persetujuan'
        ORDER BY r.created_at, r.id
        LIMIT $1`,
      [limit],
    );
  }

  /** Sets a reply's fields; returns the reply as it is now. */
  async updateReply(
    tx: EntityManager,
    id: string,
    change: Partial<{
      status: ReplyStatus;
      text: string;
      reviewedBy: string;
      reviewComment: string | null;
      lastError: string | null;
      countAttempt: boolean;
      sent: boolean;
      externalUrl: string | null;
    }>,
  ): Promise<ReplyRow> {
    const sets = ['updated_at = now()'];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (change.status !== undefined) set('status', change.status);
    if (change.text !== undefined) set('text', change.text);
    if (change.reviewedBy !== undefined) {
      set('reviewed_by', change.reviewedBy);
      sets.push('reviewed_at = now()');
    }
    if (change.reviewComment !== undefined) set('review_comment', change.reviewComment);
    if (change.lastError !== undefined) set('last_error', change.lastError);
    if (change.countAttempt) sets.push('attempts = attempts + 1');
    if (change.sent) sets.push('sent_at = now()');
    if (change.externalUrl !== undefined) set('external_url', change.externalUrl);
    await tx.query(`UPDATE replies SET ${sets.join(', ')} WHERE id = $1`, params);
    return (await this.findReply(tx, id)) as ReplyRow;
  }

  /** Other replies of the mention still waiting for approval (the mention stays "menunggu persetujuan" for them). */
  async otherWaitingReplies(tx: EntityManager, mentionId: string, exceptId: string): Promise<number> {
    const rows: { n: number }[] = await tx.query(
      `SELECT count(*)::int AS n FROM replies WHERE mention_id = $1 AND id <> $2 AND status = 'menunggu_persetujuan'`,
      [mentionId, exceptId],
    );
    return rows[0].n;
  }
}
