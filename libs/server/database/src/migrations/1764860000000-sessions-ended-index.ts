import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker deletes sessions that ended (expired or revoked, whichever came first) long ago, in
 * batches. `LEAST` skips a NULL `revoked_at`, so one expression says when a session ended and one
 * index finds the oldest ended sessions without reading the live ones.
 */
export class SessionsEndedIndex1764860000000 implements MigrationInterface {
  name = 'SessionsEndedIndex1764860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX idx_sessions_ended ON sessions ((LEAST(expires_at, revoked_at)))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS idx_sessions_ended`);
  }
}
