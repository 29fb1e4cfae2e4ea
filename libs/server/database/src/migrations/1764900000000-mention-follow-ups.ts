import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A later message linked to a citizen's ticket: the mention it follows up, and that mention's
 * ticket number kept beside it so every mention query can show it without a join.
 */
export class MentionFollowUps1764900000000 implements MigrationInterface {
  name = 'MentionFollowUps1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE mentions ADD COLUMN follows_up_id uuid NULL REFERENCES mentions(id), ADD COLUMN follows_up_ticket text NULL`);
    await db.query(`CREATE INDEX idx_mentions_follows_up ON mentions (follows_up_id) WHERE follows_up_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS idx_mentions_follows_up`);
    await db.query(`ALTER TABLE mentions DROP COLUMN IF EXISTS follows_up_ticket, DROP COLUMN IF EXISTS follows_up_id`);
  }
}
