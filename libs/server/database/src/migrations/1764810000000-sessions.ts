import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions: every access token names one, so a session can be revoked (logout, a
 * superadmin's revoke, disabling a user, resetting a password) before its token expires.
 * Also an index for the audit browser's "action starts with" filter.
 */
export class Sessions1764810000000 implements MigrationInterface {
  name = 'Sessions1764810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await db.query(`CREATE INDEX idx_sessions_user ON sessions (user_id, created_at DESC)`);
    await db.query(`CREATE INDEX idx_audit_log_action ON audit_log (action text_pattern_ops, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS idx_audit_log_action`);
    await db.query(`DROP TABLE IF EXISTS sessions`);
  }
}
