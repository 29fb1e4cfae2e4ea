import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Who did something, and from where. */
export interface AuditActor {
  id: string | null;
  role: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** What was done, e.g. `mention.claim`, `auth.login.failed`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends rows to `audit_log`. The table refuses UPDATE, DELETE and TRUNCATE in the database
 * itself, so this is the only thing that can be done to it. Pass the transaction's manager so the
 * row commits (or rolls back) with the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const runner = manager ?? this.db.manager;
    await runner.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, before, after, ip, request_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
      [
        entry.actor.id,
        entry.actor.role,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.actor.ip ?? null,
        entry.actor.requestId ?? null,
      ],
    );
  }
}
