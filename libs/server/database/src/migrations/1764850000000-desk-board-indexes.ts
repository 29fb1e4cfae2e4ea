import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor board reads recent mentions by when they were received: those still waiting
 * for someone (unclaimed baru/eskalasi) and those still open. Partial indexes keep both reads to
 * the rows that matter, however many closed mentions pile up.
 */
export class DeskBoardIndexes1764850000000 implements MigrationInterface {
  name = 'DeskBoardIndexes1764850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX idx_mentions_waiting_received ON mentions (received_at)
       WHERE claimed_by IS NULL AND status IN ('baru', 'eskalasi')`);
    await db.query(`
      CREATE INDEX idx_mentions_open_received ON mentions (received_at)
       WHERE status NOT IN ('selesai', 'dibalas', 'spam', 'bukan_wewenang')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS idx_mentions_open_received`);
    await db.query(`DROP INDEX IF EXISTS idx_mentions_waiting_received`);
  }
}
