import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MentionStatus } from '@sigap/contracts';
import { mentionScopeSql, type MentionScope } from '@sigap/server/auth';
import { DataSource, type EntityManager } from 'typeorm';

/** The desk's view of one mention row, with the names of its holder and assignee. */
export interface DeskRow {
  id: string;
  status: MentionStatus;
  opd_codes: string[];
  cluster_id: string | null;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
  assigned_to: string | null;
  assigned_to_name: string | null;
  labels: string[];
  escalation_level: number;
  desk_activity_at: Date | null;
}

const RETURNED = 'id, status, opd_codes, cluster_id, claimed_by, claimed_at, assigned_to, labels, escalation_level, desk_activity_at';
const DESK_COLUMNS = `m.id, m.status, m.opd_codes, m.cluster_id, m.claimed_by, m.claimed_at, m.assigned_to, m.labels, m.escalation_level, m.desk_activity_at,
  (SELECT name FROM users u WHERE u.id = m.claimed_by) AS claimed_by_name,
  (SELECT name FROM users u WHERE u.id = m.assigned_to) AS assigned_to_name`;


/** Statuses a claim moves to `ditangani`; others (a reply awaiting approval, a hoax check) keep theirs. */
const CLAIM_STARTS_HANDLING = `status IN ('baru', 'eskalasi', 'bukan_wewenang')`;

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
      `SELECT ${DESK_COLUMNS} FROM mentions m WHERE m.id = $1 AND ${mentionScopeSql(scope, params)}${lock ? ' FOR UPDATE OF m' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /**
   * One conditional UPDATE: it takes the mention only when nobody, or the same user, holds it.
   * Concurrent claims queue on the row lock and re-check the condition, so exactly one wins.
   */
  async claim(tx: EntityManager, id: string, userId: string): Promise<DeskRow | null> {
    const rows = await this.update(
      tx,
      `claimed_by = $2,
       claimed_at = CASE WHEN claimed_by = $2 THEN claimed_at ELSE now() END,
       status = CASE WHEN ${CLAIM_STARTS_HANDLING} THEN 'ditangani' ELSE status END,
       desk_activity_at = now()`,
      `id = $1 AND (claimed_by IS NULL OR claimed_by = $2)`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  /** Claims every other mention of the cluster that nobody holds and the scope may see. */
  async claimRestOfCluster(tx: EntityManager, clusterId: string, exceptId: string, userId: string, scope: MentionScope): Promise<DeskRow[]> {
    const params: unknown[] = [clusterId, userId, exceptId];
    const inScope = mentionScopeSql(scope, params);
    return this.update(
      tx,
      `claimed_by = $2, claimed_at = now(), desk_activity_at = now(),
       status = CASE WHEN ${CLAIM_STARTS_HANDLING} THEN 'ditangani' ELSE status END`,
      `id IN (SELECT m.id FROM mentions m WHERE m.cluster_id = $1 AND m.id <> $3 AND m.claimed_by IS NULL
                 AND m.status NOT IN ('selesai', 'dibalas', 'spam') AND ${inScope}
               ORDER BY m.id FOR UPDATE SKIP LOCKED)`,
      params,
    );
  }

  /** Nobody holds it any more; a mention merely being handled goes back to `baru`. */
  async release(tx: EntityManager, id: string): Promise<DeskRow> {
    const rows = await this.update(
      tx,
      `claimed_by = NULL, claimed_at = NULL, desk_activity_at = now(),
       status = CASE WHEN status = 'ditangani' THEN 'baru' ELSE status END`,
      'id = $1',
      [id],
    );
    return rows[0];
  }

  async setStatus(tx: EntityManager, id: string, status: MentionStatus, opdCodes?: string[]): Promise<DeskRow> {
    const rows = await this.update(
      tx,
      `status = $2, desk_activity_at = now(), opd_codes = COALESCE($3::text[], opd_codes)`,
      'id = $1',
      [id, status, opdCodes ?? null],
    );
    return rows[0];
  }

  /** Hands the mention to another OPD: nobody holds or was given it there, and its ladder starts over. */
  async forward(tx: EntityManager, id: string, toOpd: string): Promise<DeskRow> {
    const rows = await this.update(
      tx,
      `status = 'bukan_wewenang', desk_activity_at = now(), opd_codes = ARRAY[$2]::text[], escalation_level = 0,
       claimed_by = NULL, claimed_at = NULL, assigned_to = NULL, assigned_at = NULL`,
      'id = $1',
      [id, toOpd],
    );
    return rows[0];
  }

  async recordForward(tx: EntityManager, forward: { mentionId: string; fromOpds: string[]; toOpd: string; reason: string; by: string }): Promise<void> {
    await tx.query(`INSERT INTO mention_forwards (mention_id, from_opds, to_opd, reason, forwarded_by) VALUES ($1, $2, $3, $4, $5)`, [
      forward.mentionId,
      forward.fromOpds,
      forward.toOpd,
      forward.reason,
      forward.by,
    ]);
  }

  /** Whether the OPD exists and, if so, whether it still takes new mentions. */
  async opdState(tx: EntityManager, code: string): Promise<'active' | 'inactive' | 'unknown'> {
    const [row]: { active: boolean }[] = await tx.query(`SELECT active FROM opds WHERE code = $1`, [code]);
    if (!row) return 'unknown';
    return row.active ? 'active' : 'inactive';
  }

  /**
   * `UPDATE mentions SET <set> WHERE <where>` returning the desk's view of each changed row; for
   * other desk modules' own updates (assignment, labels, escalation), so every change reads alike.
   */
  update(tx: EntityManager, set: string, where: string, params: unknown[]): Promise<DeskRow[]> {
    return tx.query(
      `WITH m AS (UPDATE mentions SET ${set} WHERE ${where} RETURNING ${RETURNED})
       SELECT ${DESK_COLUMNS} FROM m`,
      params,
    );
  }
}
