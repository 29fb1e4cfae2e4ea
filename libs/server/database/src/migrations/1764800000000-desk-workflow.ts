import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk's status workflow in Bahasa Indonesia codes, assignment, labels, the escalation step,
 * and the record of mentions forwarded as "bukan wewenang" (counted per OPD).
 */
export class DeskWorkflow1764800000000 implements MigrationInterface {
  name = 'DeskWorkflow1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE mentions DROP CONSTRAINT IF EXISTS mentions_status_check`);
    await db.query(`ALTER TABLE mentions ALTER COLUMN status SET DEFAULT 'baru'`);
    await db.query(`
      UPDATE mentions SET status = CASE status
        WHEN 'new' THEN 'baru' WHEN 'in_progress' THEN 'ditangani'
        WHEN 'resolved' THEN 'selesai' WHEN 'dismissed' THEN 'spam' ELSE status END
       WHERE status IN ('new', 'in_progress', 'resolved', 'dismissed')`);
    await db.query(`
      ALTER TABLE mentions ADD CONSTRAINT mentions_status_check CHECK (status IN
        ('baru', 'ditangani', 'menunggu_persetujuan', 'dibalas', 'selesai', 'eskalasi', 'bukan_wewenang', 'spam', 'hoaks'))`);
    await db.query(`ALTER TABLE mentions ADD COLUMN assigned_to uuid REFERENCES users(id) ON DELETE SET NULL`);
    await db.query(`ALTER TABLE mentions ADD COLUMN assigned_at timestamptz`);
    await db.query(`ALTER TABLE mentions ADD COLUMN labels text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE mentions ADD COLUMN escalation_level smallint NOT NULL DEFAULT 0`);
    // Last time someone acted on the mention on the desk: idle claims are released from it.
    await db.query(`ALTER TABLE mentions ADD COLUMN desk_activity_at timestamptz`);
    await db.query(`CREATE INDEX idx_mentions_assigned_to ON mentions (assigned_to) WHERE assigned_to IS NOT NULL`);
    await db.query(`CREATE INDEX idx_mentions_status_urgency ON mentions (status, urgency_rank, seq DESC)`);
    await db.query(`
      CREATE TABLE mention_forwards (
        id bigserial PRIMARY KEY,
        mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        from_opds text[] NOT NULL,
        to_opd text NOT NULL REFERENCES opds(code),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
        forwarded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX idx_mention_forwards_mention ON mention_forwards (mention_id, at)`);
    await db.query(`CREATE INDEX idx_mention_forwards_from ON mention_forwards USING gin (from_opds)`);

    // People on the desk: trainees' replies need approval; capacity bounds round-robin
    // assignment; the contacts receive escalations through the channel layer.
    await db.query(`ALTER TABLE users ADD COLUMN trainee boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE users ADD COLUMN capacity smallint NOT NULL DEFAULT 10 CHECK (capacity BETWEEN 0 AND 1000)`);
    await db.query(`ALTER TABLE users ADD COLUMN telegram_chat_id text`);
    await db.query(`ALTER TABLE users ADD COLUMN whatsapp_number text`);

    await db.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        mention_id uuid REFERENCES mentions(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await db.query(`CREATE INDEX idx_notifications_user ON notifications (user_id, id DESC)`);
    await db.query(`CREATE INDEX idx_notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS notifications`);
    for (const column of ['whatsapp_number', 'telegram_chat_id', 'capacity', 'trainee']) {
      await db.query(`ALTER TABLE users DROP COLUMN IF EXISTS ${column}`);
    }
    await db.query(`DROP TABLE IF EXISTS mention_forwards`);
    await db.query(`DROP INDEX IF EXISTS idx_mentions_status_urgency`);
    await db.query(`DROP INDEX IF EXISTS idx_mentions_assigned_to`);
    for (const column of ['desk_activity_at', 'escalation_level', 'labels', 'assigned_at', 'assigned_to']) {
      await db.query(`ALTER TABLE mentions DROP COLUMN IF EXISTS ${column}`);
    }
    await db.query(`ALTER TABLE mentions DROP CONSTRAINT IF EXISTS mentions_status_check`);
    await db.query(`
      UPDATE mentions SET status = CASE status
        WHEN 'baru' THEN 'new' WHEN 'selesai' THEN 'resolved' WHEN 'dibalas' THEN 'resolved'
        WHEN 'spam' THEN 'dismissed' WHEN 'bukan_wewenang' THEN 'dismissed' ELSE 'in_progress' END`);
    await db.query(`ALTER TABLE mentions ALTER COLUMN status SET DEFAULT 'new'`);
    await db.query(`ALTER TABLE mentions ADD CONSTRAINT mentions_status_check CHECK (status IN ('new', 'in_progress', 'resolved', 'dismissed'))`);
  }
}
