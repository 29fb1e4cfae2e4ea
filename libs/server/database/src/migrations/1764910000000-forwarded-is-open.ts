import { MigrationInterface, QueryRunner } from 'typeorm';

const CLOSED_BEFORE = `('selesai', 'dibalas', 'spam', 'bukan_wewenang')`;
const CLOSED_NOW = `('selesai', 'dibalas', 'spam')`;

/**
 * A forwarded mention (`bukan_wewenang`) is open work for the OPD it was sent to: it waits there
 * unclaimed, is assigned and escalates. The board's partial indexes follow the new lists (the
 * same as CLOSED_STATUSES and BOARD_UNCLAIMED_STATUSES) so its predicates still match them.
 */
export class ForwardedIsOpen1764910000000 implements MigrationInterface {
  name = 'ForwardedIsOpen1764910000000';

  async up(db: QueryRunner): Promise<void> {
    await this.rebuild(db, `('baru', 'eskalasi', 'bukan_wewenang')`, CLOSED_NOW);
  }

  async down(db: QueryRunner): Promise<void> {
    await this.rebuild(db, `('baru', 'eskalasi')`, CLOSED_BEFORE);
  }

  private async rebuild(db: QueryRunner, waiting: string, closed: string): Promise<void> {
    for (const name of ['idx_mentions_waiting_received', 'idx_mentions_open_received', 'idx_mentions_open_holder', 'idx_mentions_open_assignee']) {
      await db.query(`DROP INDEX IF EXISTS ${name}`);
    }
    await db.query(`CREATE INDEX idx_mentions_waiting_received ON mentions (received_at) WHERE claimed_by IS NULL AND status IN ${waiting}`);
    await db.query(`CREATE INDEX idx_mentions_open_received ON mentions (received_at) WHERE status NOT IN ${closed}`);
    await db.query(`CREATE INDEX idx_mentions_open_holder ON mentions (claimed_by) WHERE claimed_by IS NOT NULL AND status NOT IN ${closed}`);
    await db.query(`CREATE INDEX idx_mentions_open_assignee ON mentions (assigned_to) WHERE assigned_to IS NOT NULL AND status NOT IN ${closed}`);
  }
}
