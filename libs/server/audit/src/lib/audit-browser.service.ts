import { Injectable } from '@nestjs/common';
import { AUDIT_EXPORT_MAX_ROWS, type AuditEntryView, type AuditPage } from '@sigap/contracts';
import { AuditLogRepository, type AuditFilter, type AuditLogRow } from './audit-log.repository';
import { AuditService, type AuditActor } from './audit.service';
import { csvRow } from './csv';

const EXPORT_PAGE = 1000;
const CSV_HEADER = ['id', 'at', 'actor_id', 'actor_name', 'actor_role', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'request_id'];

export const mapAuditEntry = (row: AuditLogRow): AuditEntryView => ({
  id: row.id,
  at: row.at.toISOString(),
  actorId: row.actor_id,
  actorName: row.actor_name,
  actorRole: row.actor_role,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: row.before,
  after: row.after,
  ip: row.ip,
  requestId: row.request_id,
});

/** Browsing and exporting the audit log; an export is itself audited. */
@Injectable()
export class AuditBrowserService {
  constructor(
    private readonly log: AuditLogRepository,
    private readonly audit: AuditService,
  ) {}

  /** `cursor` is the id of the last row of the previous page. */
  async list(filter: AuditFilter, cursor: string | null, limit: number): Promise<AuditPage> {
    const rows = await this.log.findPage(filter, cursor, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map(mapAuditEntry), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  /**
   * Writes the matching rows as CSV, newest first, page by page so memory stays flat; `write`
   * resolves when the client can take more. Stops at AUDIT_EXPORT_MAX_ROWS.
   */
  async exportCsv(actor: AuditActor, filter: AuditFilter, write: (chunk: string) => Promise<void>): Promise<number> {
    await this.audit.record({ actor, action: 'audit.export', entityType: 'audit_log', entityId: null, after: { filter, maxRows: AUDIT_EXPORT_MAX_ROWS } });
    await write(csvRow(CSV_HEADER));
    let written = 0;
    let cursor: string | null = null;
    while (written < AUDIT_EXPORT_MAX_ROWS) {
      const rows = await this.log.findPage(filter, cursor, Math.min(EXPORT_PAGE, AUDIT_EXPORT_MAX_ROWS - written));
      if (rows.length === 0) break;
      await write(
        rows
          .map((row) =>
            csvRow([row.id, row.at, row.actor_id, row.actor_name, row.actor_role, row.action, row.entity_type, row.entity_id, row.before, row.after, row.ip, row.request_id]),
          )
          .join(''),
      );
      written += rows.length;
      cursor = rows[rows.length - 1].id;
    }
    return written;
  }
}
