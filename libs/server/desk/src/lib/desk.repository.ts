import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MentionStatus } from '@sigap/contracts';
import type { MentionScope } from '@sigap/server/auth';
import { DataSource, type EntityManager } from 'typeorm';

/** The desk's view of one mention row, with its holder's name. */
export interface DeskRow {
  id: string;
  status: MentionStatus;
  opd_codes: string[];
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
}

const DESK_COLUMNS = `m.id, m.status, m.opd_codes, m.claimed_by, m.claimed_at,
  (SELECT name FROM users u WHERE u.id = m.claimed_by) AS claimed_by_name`;

function scopeClause(scope: MentionScope, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'true';
    case 'opds':
      params.push(scope.opds);
      return `(m.opd_codes && $${params.length}::text[] OR m.opd_codes = '{}')`;
    case 'none':
      return 'false';
  }
}

@Injectable()
export class DeskRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The mention if the scope may see it; `lock` takes the row lock until the transaction ends. */
  async find(tx: EntityManager, id: string, scope: MentionScope, lock = false): Promise<DeskRow | null> {
    const params: unknown[] = [id];
    const rows: DeskRow[] = await tx.query(
      `SELECT ${DESK_COLUMNS} FROM mentions m WHERE m.id = $1 AND ${scopeClause(scope, params)}${lock ? ' FOR UPDATE OF m' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * One conditional UPDATE: it takes the mention only when nobody, or the same user, holds it.
   * Concurrent claims queue on the row lock and re-check the condition, so exactly one wins.
   */
  async claim(tx: EntityManager, id: string, userId: string): Promise<DeskRow | null> {
    const rows: DeskRow[] = await tx.query(
      `WITH m AS (
         UPDATE mentions
            SET claimed_by = $2,
                claimed_at = CASE WHEN claimed_by = $2 THEN claimed_at ELSE now() END
          WHERE id = $1 AND (claimed_by IS NULL OR claimed_by = $2)
          RETURNING id, status, opd_codes, claimed_by, claimed_at)
       SELECT ${DESK_COLUMNS} FROM m`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  async release(tx: EntityManager, id: string): Promise<DeskRow> {
    const rows: DeskRow[] = await tx.query(
      `WITH m AS (
         UPDATE mentions SET claimed_by = NULL, claimed_at = NULL WHERE id = $1
          RETURNING id, status, opd_codes, claimed_by, claimed_at)
       SELECT ${DESK_COLUMNS} FROM m`,
      [id],
    );
    return rows[0];
  }

  async setStatus(tx: EntityManager, id: string, status: MentionStatus): Promise<DeskRow> {
    const rows: DeskRow[] = await tx.query(
      `WITH m AS (
         UPDATE mentions SET status = $2 WHERE id = $1
          RETURNING id, status, opd_codes, claimed_by, claimed_at)
       SELECT ${DESK_COLUMNS} FROM m`,
      [id, status],
    );
    return rows[0];
  }
}
