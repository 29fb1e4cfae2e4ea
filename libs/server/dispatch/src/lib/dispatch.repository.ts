import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOSED_STATUSES, CRISIS_DESK_OPD, type MentionStatus, type Urgency } from '@sigap/contracts';
import { DeskRepository, type DeskRow } from '@sigap/server/desk';
import { DataSource, type EntityManager } from 'typeorm';
import type { AssigneeCandidate } from './round-robin';

/** What dispatching and escalating need to know of a mention beyond its desk state. */
export interface DispatchMentionRow {
  id: string;
  seq: number;
  status: MentionStatus;
  urgency: Urgency;
  opd_codes: string[];
  claimed_by: string | null;
  assigned_to: string | null;
  received_at: Date;
}

export interface ContactRow {
  id: string;
  telegram_chat_id: string | null;
  whatsapp_number: string | null;
}

// Serialises round-robin choices across workers, so two jobs never both pick the same "least loaded" admin.
const ASSIGNMENT_LOCK = 7_204_312;

const ON_SHIFT_NOW = `s.starts_at <= now() AND s.ends_at > now()`;

/** Assignment, escalation and the people they reach; desk-state updates go through DeskRepository. */
@Injectable()
export class DispatchRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly desk: DeskRepository,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  lockAssignments(tx: EntityManager): Promise<unknown> {
    return tx.query('SELECT pg_advisory_xact_lock($1)', [ASSIGNMENT_LOCK]);
  }

  mentionsForDispatch(ids: string[], tx: EntityManager = this.db.manager): Promise<DispatchMentionRow[]> {
    return tx.query(
      `SELECT id, seq::int AS seq, status, urgency, opd_codes, claimed_by, assigned_to, received_at
         FROM mentions WHERE id = ANY($1::uuid[]) ORDER BY seq`,
      [ids],
    );
  }

  async escalationLevelOf(mentionId: string): Promise<number> {
    const rows: { escalation_level: number }[] = await this.db.query(`SELECT escalation_level FROM mentions WHERE id = $1`, [mentionId]);
    return rows[0]?.escalation_level ?? 0;
  }

  /**
   * Active admins on an `admin` shift now for one of the OPDs (and answering for it), with their
   * open load: mentions assigned to or held by them that are not closed.
   */
  async onCallAdmins(tx: EntityManager, opdCodes: string[]): Promise<AssigneeCandidate[]> {
    const rows: { id: string; capacity: number; open_count: number; last_assigned_at: Date | null }[] = await tx.query(
      `SELECT u.id, u.capacity, u.last_assigned_at,
              (SELECT count(*)::int FROM mentions x
                WHERE (x.assigned_to = u.id OR x.claimed_by = u.id) AND x.status <> ALL($2::text[])) AS open_count
         FROM users u
        WHERE u.role = 'admin' AND NOT u.disabled
          AND EXISTS (SELECT 1 FROM rota_shifts s WHERE s.user_id = u.id AND s.role_in_shift = 'admin'
                         AND s.opd_code = ANY($1::text[]) AND ${ON_SHIFT_NOW})
          AND EXISTS (SELECT 1 FROM user_opds o WHERE o.user_id = u.id AND o.opd_code = ANY($1::text[]))`,
      [opdCodes, CLOSED_STATUSES],
    );
    return rows.map((row) => ({ id: row.id, capacity: row.capacity, openCount: row.open_count, lastAssignedAt: row.last_assigned_at }));
  }

  /** Admins of the OPDs whose shift starts next (when nobody else is on call now). */
  async nextShiftAdmins(tx: EntityManager, opdCodes: string[]): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT s.user_id FROM rota_shifts s JOIN users u ON u.id = s.user_id
        WHERE s.role_in_shift = 'admin' AND s.opd_code = ANY($1::text[]) AND NOT u.disabled AND u.role = 'admin'
          AND s.starts_at = (SELECT min(starts_at) FROM rota_shifts n
                              WHERE n.role_in_shift = 'admin' AND n.opd_code = ANY($1::text[]) AND n.starts_at > now())`,
      [opdCodes],
    );
    return [...new Set(rows.map((row) => row.user_id))];
  }

  /** Active supervisors on a `supervisor` shift now for one of the OPDs. */
  async supervisorsOnShift(tx: EntityManager, opdCodes: string[]): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT DISTINCT u.id FROM users u JOIN rota_shifts s ON s.user_id = u.id
        WHERE u.role = 'supervisor' AND NOT u.disabled AND s.role_in_shift = 'supervisor'
          AND s.opd_code = ANY($1::text[]) AND ${ON_SHIFT_NOW}`,
      [opdCodes],
    );
    return rows.map((row) => row.id);
  }

  async activeSupervisors(tx: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM users WHERE role = 'supervisor' AND NOT disabled ORDER BY id`);
    return rows.map((row) => row.id);
  }

  crisisDesk(tx: EntityManager): Promise<string[]> {
    return this.supervisorsOnShift(tx, [CRISIS_DESK_OPD]);
  }

  /** Whether the user is an active admin who may be given a mention routed to these OPDs (any admin when unrouted). */
  async isAssignableAdmin(tx: EntityManager, userId: string, opdCodes: string[]): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM users u
        WHERE u.id = $1 AND u.role = 'admin' AND NOT u.disabled
          AND (cardinality($2::text[]) = 0
               OR EXISTS (SELECT 1 FROM user_opds o WHERE o.user_id = u.id AND o.opd_code = ANY($2::text[])))`,
      [userId, opdCodes],
    );
    return rows.length > 0;
  }

  /** Sets (or clears) the assignee; with `onlyIfFree`, only while nobody holds or is assigned it. */
  async setAssignee(tx: EntityManager, id: string, userId: string | null, onlyIfFree = false): Promise<DeskRow | null> {
    const rows = await this.desk.update(
      tx,
      `assigned_to = $2::uuid, assigned_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END`,
      `id = $1${onlyIfFree ? ` AND assigned_to IS NULL AND claimed_by IS NULL AND status <> ALL($3::text[])` : ''}`,
      onlyIfFree ? [id, userId, CLOSED_STATUSES] : [id, userId],
    );
    // clock_timestamp(), not now(): several assignments in one transaction must keep their order for the rotation.
    if (userId && rows.length > 0) await tx.query(`UPDATE users SET last_assigned_at = clock_timestamp() WHERE id = $1`, [userId]);
    return rows[0] ?? null;
  }

  /** One rung up the ladder: the level, `eskalasi` when the workflow allows it, and the new assignee if any. */
  async escalate(tx: EntityManager, id: string, level: number, toEskalasi: boolean, assignee: string | null): Promise<DeskRow> {
    const rows = await this.desk.update(
      tx,
      `escalation_level = $2,
       status = CASE WHEN $3::boolean THEN 'eskalasi' ELSE status END,
       assigned_to = COALESCE($4::uuid, assigned_to),
       assigned_at = CASE WHEN $4::uuid IS NULL THEN assigned_at ELSE now() END`,
      'id = $1',
      [id, level, toEskalasi, assignee],
    );
    if (assignee) await tx.query(`UPDATE users SET last_assigned_at = clock_timestamp() WHERE id = $1`, [assignee]);
    return rows[0];
  }

  async setLabels(tx: EntityManager, id: string, labels: string[]): Promise<DeskRow> {
    const rows = await this.desk.update(tx, `labels = $2::text[], desk_activity_at = now()`, 'id = $1', [id, labels]);
    return rows[0];
  }

  contactsOf(tx: EntityManager, userIds: string[]): Promise<ContactRow[]> {
    return tx.query(
      `SELECT id, telegram_chat_id, whatsapp_number FROM users
        WHERE id = ANY($1::uuid[]) AND (telegram_chat_id IS NOT NULL OR whatsapp_number IS NOT NULL)`,
      [userIds],
    );
  }
}
