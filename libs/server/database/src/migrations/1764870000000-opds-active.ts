import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OPDs are reorganised over time; a retired one keeps its rows (mentions, forwards, audit) so
 * history still reads, and `active = false` only stops it from being chosen as a new target.
 */
export class OpdsActive1764870000000 implements MigrationInterface {
  name = 'OpdsActive1764870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE opds ADD COLUMN active boolean NOT NULL DEFAULT true`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE opds DROP COLUMN IF EXISTS active`);
  }
}
