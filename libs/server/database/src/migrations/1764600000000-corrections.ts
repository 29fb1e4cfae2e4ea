import { MigrationInterface, QueryRunner } from 'typeorm';

/** Admins' corrections of a mention's urgency and OPDs, and the versions of the model learned from them. */
export class Corrections1764600000000 implements MigrationInterface {
  name = 'Corrections1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mention_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        before jsonb NOT NULL,
        after jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX idx_mention_corrections_mention ON mention_corrections (mention_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE triage_models (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'archived')),
        model jsonb NOT NULL,
        metrics jsonb NOT NULL,
        trained_on_seed integer NOT NULL,
        trained_on_corrections integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        CONSTRAINT uq_triage_models_version UNIQUE (version),
        CONSTRAINT ck_triage_models_version_positive CHECK (version > 0)
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_triage_models_one_active ON triage_models (status) WHERE status = 'active'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS triage_models`);
    await db.query(`DROP TABLE IF EXISTS mention_corrections`);
  }
}
