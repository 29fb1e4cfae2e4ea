import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit log (a trigger refuses UPDATE, DELETE and TRUNCATE for every role, the
 * app's own included), and who holds (has claimed) a mention.
 */
export class AuditAndClaims1764700000000 implements MigrationInterface {
  name = 'AuditAndClaims1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        ip text,
        request_id text
      )`);
    await db.query(`CREATE INDEX idx_audit_log_entity ON audit_log (entity_type, entity_id, at DESC)`);
    await db.query(`CREATE INDEX idx_audit_log_actor ON audit_log (actor_id, at DESC)`);
    await db.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER trg_audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await db.query(`
      CREATE TRIGGER trg_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

    await db.query(`ALTER TABLE mentions ADD COLUMN claimed_by uuid REFERENCES users(id) ON DELETE SET NULL`);
    await db.query(`ALTER TABLE mentions ADD COLUMN claimed_at timestamptz`);
    await db.query(`CREATE INDEX idx_mentions_claimed_by ON mentions (claimed_by) WHERE claimed_by IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS idx_mentions_claimed_by`);
    await db.query(`ALTER TABLE mentions DROP COLUMN IF EXISTS claimed_at`);
    await db.query(`ALTER TABLE mentions DROP COLUMN IF EXISTS claimed_by`);
    await db.query(`DROP TABLE IF EXISTS audit_log`);
    await db.query(`DROP FUNCTION IF EXISTS audit_log_append_only()`);
  }
}
