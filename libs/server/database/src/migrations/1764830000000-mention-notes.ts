import { MigrationInterface, QueryRunner } from 'typeorm';

/** Internal notes on a mention, with the colleagues they @mention (who were notified). */
export class MentionNotes1764830000000 implements MigrationInterface {
  name = 'MentionNotes1764830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mention_notes (
        id bigserial PRIMARY KEY,
        mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        mentioned_user_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX idx_mention_notes_mention ON mention_notes (mention_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS mention_notes`);
  }
}
