import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface StoredSettingRow {
  key: string;
  value: unknown;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Date;
}

/** `desk_settings`: one row per setting the superadmin overrode. */
@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  stored(): Promise<StoredSettingRow[]> {
    return this.db.query(
      `SELECT s.key, s.value, s.updated_by, u.name AS updated_by_name, s.updated_at
         FROM desk_settings s LEFT JOIN users u ON u.id = s.updated_by`,
    );
  }

  /** The stored values, with every other writer kept out until the transaction ends. */
  async lockStored(tx: EntityManager): Promise<Map<string, unknown>> {
    await tx.query(`LOCK TABLE desk_settings IN EXCLUSIVE MODE`);
    const rows: { key: string; value: unknown }[] = await tx.query(`SELECT key, value FROM desk_settings`);
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  async upsert(tx: EntityManager, key: string, value: unknown, userId: string | null): Promise<void> {
    await tx.query(
      `INSERT INTO desk_settings (key, value, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [key, JSON.stringify(value), userId],
    );
  }

  async remove(tx: EntityManager, key: string): Promise<void> {
    await tx.query(`DELETE FROM desk_settings WHERE key = $1`, [key]);
  }

  async opdCodes(): Promise<Set<string>> {
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM opds`);
    return new Set(rows.map((row) => row.code));
  }
}
