import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface AuditFilter {
  actorId?: string;
  /** Matches actions starting with it: `mention.` → `mention.claim`, `mention.status`… */
  actionPrefix?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditLogRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  request_id: string | null;
}

/** Reads the audit log newest first; `id` orders it (a bigserial drawn at insert). */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Rows older than `beforeId` (all when null), newest first. */
  findPage(filter: AuditFilter, beforeId: string | null, limit: number): Promise<AuditLogRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (beforeId !== null) where.push(`l.id < ${param(beforeId)}::bigint`);
    if (filter.actorId) where.push(`l.actor_id = ${param(filter.actorId)}::uuid`);
    if (filter.actionPrefix) where.push(`l.action LIKE ${param(`${filter.actionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    if (filter.entityType) where.push(`l.entity_type = ${param(filter.entityType)}`);
    if (filter.entityId) where.push(`l.entity_id = ${param(filter.entityId)}`);
    if (filter.from) where.push(`l.at >= ${param(filter.from)}`);
    if (filter.to) where.push(`l.at < ${param(filter.to)}`);
    return this.db.query(
      `SELECT l.id::text AS id, l.at, l.actor_id, u.name AS actor_name, l.actor_role, l.action, l.entity_type, l.entity_id,
              l.before, l.after, l.ip, l.request_id
         FROM audit_log l
         LEFT JOIN users u ON u.id = l.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.id DESC
        LIMIT ${param(limit)}`,
      params,
    );
  }
}
