import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@sigap/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface UserAccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  trainee: boolean;
  capacity: number;
  telegram_chat_id: string | null;
  whatsapp_number: string | null;
  created_at: Date;
  opds: string[];
  last_login_at: Date | null;
}

export interface UserAccountFields {
  email: string;
  name: string;
  role: Role;
  trainee: boolean;
  capacity: number;
  telegramChatId: string | null;
  whatsappNumber: string | null;
  disabled: boolean;
}

const SELECT_ACCOUNT = `
  SELECT u.id, u.email, u.name, u.role, u.disabled, u.trainee, u.capacity, u.telegram_chat_id, u.whatsapp_number, u.created_at,
         COALESCE((SELECT array_agg(o.opd_code ORDER BY o.opd_code) FROM user_opds o WHERE o.user_id = u.id), '{}') AS opds,
         (SELECT max(s.created_at) FROM sessions s WHERE s.user_id = u.id) AS last_login_at
    FROM users u`;

@Injectable()
export class UserAccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  list(): Promise<UserAccountRow[]> {
    return this.db.query(`${SELECT_ACCOUNT} ORDER BY lower(u.name), u.id`);
  }

  /** With `lock`, holds the user's row until the transaction ends. */
  async findById(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<UserAccountRow | null> {
    const [row] = await manager.query(`${SELECT_ACCOUNT} WHERE u.id = $1${lock ? ' FOR UPDATE OF u' : ''}`, [id]);
    return row ?? null;
  }

  async emailTaken(email: string, exceptId: string | null, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM users WHERE lower(email) = lower($1) AND id IS DISTINCT FROM $2::uuid`, [email, exceptId]);
    return rows.length > 0;
  }

  /** The codes that are not OPDs (or kewilayahan units) Sigap knows. */
  async unknownOpds(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await this.db.query(
      `SELECT c AS code FROM unnest($1::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM opds WHERE opds.code = c)`,
      [codes],
    );
    return rows.map((row) => row.code);
  }

  /** Those of `codes` that name a retired OPD: kept for history, not for new assignments. */
  async inactiveOpds(codes: string[], tx?: EntityManager): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await (tx ?? this.db).query(`SELECT code FROM opds WHERE code = ANY($1::text[]) AND NOT active ORDER BY code`, [codes]);
    return rows.map((row) => row.code);
  }

  async insert(fields: UserAccountFields & { passwordHash: string }, tx: EntityManager): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO users (email, name, password_hash, role, disabled, trainee, capacity, telegram_chat_id, whatsapp_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [fields.email.toLowerCase(), fields.name, fields.passwordHash, fields.role, fields.disabled, fields.trainee, fields.capacity, fields.telegramChatId, fields.whatsappNumber],
    );
    return row.id;
  }

  async update(id: string, fields: UserAccountFields, passwordHash: string | null, tx: EntityManager): Promise<void> {
    await tx.query(
      `UPDATE users SET email = $2, name = $3, role = $4, disabled = $5, trainee = $6, capacity = $7,
              telegram_chat_id = $8, whatsapp_number = $9, password_hash = COALESCE($10, password_hash), updated_at = now()
        WHERE id = $1`,
      [id, fields.email.toLowerCase(), fields.name, fields.role, fields.disabled, fields.trainee, fields.capacity, fields.telegramChatId, fields.whatsappNumber, passwordHash],
    );
  }

  async replaceOpds(id: string, codes: string[], tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM user_opds WHERE user_id = $1`, [id]);
    if (codes.length > 0) {
      await tx.query(`INSERT INTO user_opds (user_id, opd_code) SELECT $1, unnest($2::text[])`, [id, codes]);
    }
  }
}
