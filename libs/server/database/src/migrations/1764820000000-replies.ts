import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replying with one voice: reply templates (scoped to everyone, an OPD or an incident, usage
 * counted) and the replies themselves, with their review and outbox delivery state.
 */
export class Replies1764820000000 implements MigrationInterface {
  name = 'Replies1764820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reply_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
        category text NOT NULL CHECK (char_length(category) BETWEEN 1 AND 60),
        scope text NOT NULL CHECK (scope IN ('all', 'opd', 'incident')),
        opd_code text REFERENCES opds(code),
        incident_id uuid REFERENCES clusters(id) ON DELETE SET NULL,
        usage_count integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived boolean NOT NULL DEFAULT false,
        CONSTRAINT ck_reply_templates_opd CHECK (scope <> 'opd' OR opd_code IS NOT NULL),
        CONSTRAINT ck_reply_templates_all CHECK (scope <> 'all' OR (opd_code IS NULL AND incident_id IS NULL))
      )`);
    await db.query(`CREATE INDEX idx_reply_templates_scope ON reply_templates (scope, opd_code) WHERE NOT archived`);
    await db.query(`CREATE INDEX idx_reply_templates_incident ON reply_templates (incident_id) WHERE incident_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        template_id uuid REFERENCES reply_templates(id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('menunggu_persetujuan', 'dikembalikan', 'antri', 'terkirim', 'gagal')),
        reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        reviewed_at timestamptz,
        review_comment text CHECK (char_length(review_comment) <= 1000),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        external_url text,
        direct boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX idx_replies_mention ON replies (mention_id, created_at)`);
    // The approval queue reads the waiting replies oldest first.
    await db.query(`CREATE INDEX idx_replies_waiting ON replies (created_at) WHERE status = 'menunggu_persetujuan'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS replies`);
    await db.query(`DROP TABLE IF EXISTS reply_templates`);
  }
}
