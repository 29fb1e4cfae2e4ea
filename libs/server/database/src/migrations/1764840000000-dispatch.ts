import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The on-call rota (shifts per OPD) and what round-robin assignment needs: when each admin was
 * last given a mention, so ties go to whoever waited longest.
 */
export class Dispatch1764840000000 implements MigrationInterface {
  name = 'Dispatch1764840000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rota_shifts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opd_code text NOT NULL REFERENCES opds(code),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        role_in_shift text NOT NULL CHECK (role_in_shift IN ('admin', 'supervisor')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rota_shifts_ends_after_start CHECK (ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX idx_rota_shifts_opd_time ON rota_shifts (opd_code, starts_at, ends_at)`);
    await db.query(`CREATE INDEX idx_rota_shifts_user ON rota_shifts (user_id, starts_at)`);
    await db.query(`ALTER TABLE users ADD COLUMN last_assigned_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN IF EXISTS last_assigned_at`);
    await db.query(`DROP TABLE IF EXISTS rota_shifts`);
  }
}
