import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RotaRole } from '@sigap/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface RotaShiftRow {
  id: string;
  opd_code: string;
  user_id: string;
  user_name: string;
  starts_at: Date;
  ends_at: Date;
  role_in_shift: RotaRole;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

export interface RotaUserRow {
  id: string;
  role: string;
  disabled: boolean;
  opds: string[];
}

const SHIFT_COLUMNS = `s.id, s.opd_code, s.user_id, u.name AS user_name, s.starts_at, s.ends_at, s.role_in_shift,
         s.created_by, c.name AS created_by_name, s.created_at`;
const FROM_SHIFTS = `FROM rota_shifts s JOIN users u ON u.id = s.user_id LEFT JOIN users c ON c.id = s.created_by`;
const SELECT_SHIFT = `SELECT ${SHIFT_COLUMNS} ${FROM_SHIFTS}`;

@Injectable()
export class RotaRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Shifts overlapping [from, to), of the given OPDs (all when null). */
  list(opds: string[] | null, from: Date, to: Date): Promise<RotaShiftRow[]> {
    return this.db.query(
      `${SELECT_SHIFT} WHERE s.starts_at < $2 AND s.ends_at > $1 AND ($3::text[] IS NULL OR s.opd_code = ANY($3::text[]))
        ORDER BY s.opd_code, s.starts_at, u.name`,
      [from, to, opds],
    );
  }

  /** Per OPD: the shifts on now, and the earliest upcoming ones of each role in shift. */
  onCall(opds: string[] | null): Promise<(RotaShiftRow & { is_now: boolean })[]> {
    return this.db.query(
      `SELECT ${SHIFT_COLUMNS}, (s.starts_at <= now() AND s.ends_at > now()) AS is_now ${FROM_SHIFTS}
        WHERE ($1::text[] IS NULL OR s.opd_code = ANY($1::text[]))
          AND ((s.starts_at <= now() AND s.ends_at > now()) OR s.starts_at = (SELECT min(x.starts_at) FROM rota_shifts x
                                          WHERE x.opd_code = s.opd_code AND x.role_in_shift = s.role_in_shift AND x.starts_at > now()))
        ORDER BY s.opd_code, s.starts_at, u.name`,
      [opds],
    );
  }

  async find(tx: EntityManager, id: string): Promise<RotaShiftRow | null> {
    const rows: RotaShiftRow[] = await tx.query(`${SELECT_SHIFT} WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insert(tx: EntityManager, shift: { opdCode: string; userId: string; startsAt: Date; endsAt: Date; roleInShift: RotaRole; createdBy: string }): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO rota_shifts (opd_code, user_id, starts_at, ends_at, role_in_shift, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [shift.opdCode, shift.userId, shift.startsAt, shift.endsAt, shift.roleInShift, shift.createdBy],
    );
    return rows[0].id;
  }

  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM rota_shifts WHERE id = $1`, [id]);
  }

  async user(tx: EntityManager, id: string): Promise<RotaUserRow | null> {
    const rows: RotaUserRow[] = await tx.query(
      `SELECT u.id, u.role, u.disabled, COALESCE(array_agg(o.opd_code) FILTER (WHERE o.opd_code IS NOT NULL), '{}') AS opds
         FROM users u LEFT JOIN user_opds o ON o.user_id = u.id WHERE u.id = $1 GROUP BY u.id`,
      [id],
    );
    return rows[0] ?? null;
  }

  people(): Promise<{ id: string; name: string; role: 'admin' | 'supervisor'; opds: string[] }[]> {
    return this.db.query(
      `SELECT u.id, u.name, u.role, COALESCE(array_agg(o.opd_code ORDER BY o.opd_code) FILTER (WHERE o.opd_code IS NOT NULL), '{}') AS opds
         FROM users u LEFT JOIN user_opds o ON o.user_id = u.id
        WHERE NOT u.disabled AND u.role IN ('admin', 'supervisor')
        GROUP BY u.id ORDER BY u.name`,
    );
  }

  /** null: no such OPD. */
  async opdActive(tx: EntityManager, code: string): Promise<boolean | null> {
    const rows: { active: boolean }[] = await tx.query(`SELECT active FROM opds WHERE code = $1`, [code]);
    return rows[0]?.active ?? null;
  }
}
