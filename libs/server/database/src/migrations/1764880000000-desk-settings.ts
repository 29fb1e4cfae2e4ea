import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Desk settings the superadmin changed at run time. A row overrides the environment variable of
 * its key; no row means the environment's value is in effect (a reset deletes the row).
 */
export class DeskSettings1764880000000 implements MigrationInterface {
  name = 'DeskSettings1764880000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE desk_settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS desk_settings`);
  }
}
