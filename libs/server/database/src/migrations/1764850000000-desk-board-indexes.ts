import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor board reads recent mentions by when they were received (those still waiting
 * for someone, and those still open) and counts open mentions per holder and assignee. Partial
 * indexes keep each read to the rows that matter, however much history piles up.
 */
export class DeskBoardIndexes1764850000000 implements MigrationInterface {
  name = 'DeskBoardIndexes1764850000000';

  async up(db: QueryRunner): Promise<void> {
    // Same list and order as CLOSED_STATUSES, so the planner matches the board's predicates.
    await db.query(`
      CREATE INDEX idx_mentions_waiting_received ON mentions (received_at)
       WHERE claimed_by IS NULL AND status IN ('baru', 'eskalasi')`);
    await db.query(`
      CREATE INDEX idx_mentions_open_received ON mentions (received_at)
       WHERE status NOT IN ('selesai', 'dibalas', 'spam', 'bukan_wewenang')`);
    // Who holds / was assigned what is still open: resolved mentions keep their holder forever.
    await db.query(`
      CREATE INDEX idx_mentions_open_holder ON mentions (claimed_by)
       WHERE claimed_by IS NOT NULL AND status NOT IN ('selesai', 'dibalas', 'spam', 'bukan_wewenang')`);
    await db.query(`
      CREATE INDEX idx_mentions_open_assignee ON mentions (assigned_to)
       WHERE assigned_to IS NOT NULL AND status NOT IN ('selesai', 'dibalas', 'spam', 'bukan_wewenang')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS idx_mentions_open_assignee`);
    await db.query(`DROP INDEX IF EXISTS idx_mentions_open_holder`);
    await db.query(`DROP INDEX IF EXISTS idx_mentions_open_received`);
    await db.query(`DROP INDEX IF EXISTS idx_mentions_waiting_received`);
  }
}
