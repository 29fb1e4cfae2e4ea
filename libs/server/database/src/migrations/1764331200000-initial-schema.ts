import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764331200000 implements MigrationInterface {
  name = 'InitialSchema1764331200000';

  async up(db: QueryRunner): Promise<void> {
    // pg_trgm speeds up the inbox's free-text search; installations without contrib still work, only slower.
    await db.query(`
      DO $$ BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm unavailable: free-text search runs without a trigram index';
      END $$;
    `);
    await db.query(`
      CREATE TABLE opds (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('opd', 'external', 'kecamatan', 'kelurahan'))
      )`);
    await db.query(`
      CREATE TABLE areas (
        code text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('kota', 'kecamatan', 'kelurahan')),
        parent_code text REFERENCES areas(code),
        name text NOT NULL
      )`);
    await db.query(`CREATE INDEX idx_areas_parent ON areas (parent_code)`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('superadmin', 'supervisor', 'admin', 'liaison')),
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);
    await db.query(`
      CREATE TABLE user_opds (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        opd_code text NOT NULL REFERENCES opds(code),
        PRIMARY KEY (user_id, opd_code)
      )`);
    await db.query(`CREATE INDEX idx_user_opds_opd ON user_opds (opd_code)`);
    await db.query(`
      CREATE TABLE authors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL,
        handle text NOT NULL,
        name text,
        followers integer,
        verified boolean NOT NULL DEFAULT false,
        CONSTRAINT uq_authors_channel_handle UNIQUE (channel, handle)
      )`);
    await db.query(`
      CREATE TABLE mentions (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        channel text NOT NULL,
        external_id text NOT NULL,
        author_id uuid NOT NULL REFERENCES authors(id),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 10000),
        url text,
        in_reply_to text,
        media jsonb NOT NULL DEFAULT '[]',
        lat double precision,
        lon double precision,
        raw jsonb,
        posted_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved', 'dismissed')),
        urgency text NOT NULL CHECK (urgency IN ('critical', 'high', 'normal', 'low')),
        urgency_rank smallint NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
        opd_codes text[] NOT NULL DEFAULT '{}',
        kecamatan_code text,
        tags jsonb NOT NULL,
        rule_set_version text NOT NULL,
        CONSTRAINT uq_mentions_channel_external_id UNIQUE (channel, external_id),
        CONSTRAINT uq_mentions_seq UNIQUE (seq)
      )`);
    // The inbox reads newest-first or urgency-first with keyset pagination, filtered by scope.
    await db.query(`CREATE INDEX idx_mentions_newest ON mentions (posted_at DESC, id DESC)`);
    await db.query(`CREATE INDEX idx_mentions_urgency ON mentions (urgency_rank, posted_at DESC, id DESC)`);
    await db.query(`CREATE INDEX idx_mentions_status ON mentions (status, urgency_rank, posted_at DESC)`);
    await db.query(`CREATE INDEX idx_mentions_kecamatan ON mentions (kecamatan_code, posted_at DESC)`);
    await db.query(`CREATE INDEX idx_mentions_channel ON mentions (channel, posted_at DESC)`);
    await db.query(`CREATE INDEX idx_mentions_opd_codes ON mentions USING gin (opd_codes)`);
    await db.query(`CREATE INDEX idx_mentions_unrouted ON mentions (posted_at DESC) WHERE opd_codes = '{}'`);
    await db.query(`CREATE INDEX idx_mentions_author ON mentions (author_id)`);
    await db.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          CREATE INDEX idx_mentions_text_trgm ON mentions USING gin (text gin_trgm_ops);
        END IF;
      END $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS mentions`);
    await db.query(`DROP TABLE IF EXISTS authors`);
    await db.query(`DROP TABLE IF EXISTS user_opds`);
    await db.query(`DROP TABLE IF EXISTS users`);
    await db.query(`DROP TABLE IF EXISTS areas`);
    await db.query(`DROP TABLE IF EXISTS opds`);
  }
}
