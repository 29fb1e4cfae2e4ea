import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned triage rule sets. Version 1 is not inserted here: the database lib may not depend on
 * the engine, so the API and the worker seed it from the engine's DEFAULT_RULE_SET at start
 * (RuleSetBootstrapService in libs/server/triage) when the table is empty.
 */
export class RuleSets1764500000000 implements MigrationInterface {
  name = 'RuleSets1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rule_sets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version integer,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        origin text NOT NULL CHECK (origin IN ('seed', 'edit', 'rollback')),
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        base_version integer,
        notes text NOT NULL DEFAULT '',
        change_summary jsonb,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        published_at timestamptz,
        CONSTRAINT uq_rule_sets_version UNIQUE (version),
        CONSTRAINT ck_rule_sets_version_positive CHECK (version > 0),
        CONSTRAINT ck_rule_sets_draft_has_no_version CHECK ((status = 'draft') = (version IS NULL)),
        CONSTRAINT ck_rule_sets_published_at CHECK (status = 'draft' OR published_at IS NOT NULL)
      )`);
    // At most one draft and exactly one published version at a time (the second is kept by the service).
    await db.query(`CREATE UNIQUE INDEX uq_rule_sets_one_draft ON rule_sets (status) WHERE status = 'draft'`);
    await db.query(`CREATE UNIQUE INDEX uq_rule_sets_one_published ON rule_sets (status) WHERE status = 'published'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS rule_sets`);
  }
}
