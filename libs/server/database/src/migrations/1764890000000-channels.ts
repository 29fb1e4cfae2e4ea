import { MigrationInterface, QueryRunner } from 'typeorm';

/** The platforms as they were when channels became managed records (the list lives in code too). */
const SEEDED_CHANNELS: [code: string, label: string][] = [
  ['x', 'X (Twitter)'],
  ['instagram', 'Instagram'],
  ['facebook', 'Facebook'],
  ['tiktok', 'TikTok'],
  ['youtube', 'YouTube'],
  ['whatsapp', 'WhatsApp'],
  ['telegram', 'Telegram'],
  ['web', 'Web'],
  ['lapor', 'LAPOR!'],
  ['email', 'Email'],
];

/**
 * Channels as records the superadmin manages: a label, the city's account on the platform, an
 * on/off switch, and ingest keys per channel. A key is stored only as its SHA-256 (the full key is
 * shown once) plus its first characters to recognise it. The index serves the channel page's
 * "received in the last 24 h / last received" figures without scanning the mentions.
 */
export class Channels1764890000000 implements MigrationInterface {
  name = 'Channels1764890000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE channels (
        code text PRIMARY KEY,
        label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 80),
        account text CHECK (char_length(account) BETWEEN 1 AND 200),
        enabled boolean NOT NULL DEFAULT true,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `INSERT INTO channels (code, label) SELECT * FROM unnest($1::text[], $2::text[])`,
      [SEEDED_CHANNELS.map(([code]) => code), SEEDED_CHANNELS.map(([, label]) => label)],
    );
    // Ten rows never reach autovacuum's threshold; without statistics the planner guesses hundreds.
    await db.query(`ANALYZE channels`);
    await db.query(`
      CREATE TABLE channel_ingest_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_code text NOT NULL REFERENCES channels(code),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        key_hash text NOT NULL,
        key_prefix text NOT NULL,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        CONSTRAINT uq_channel_ingest_keys_hash UNIQUE (key_hash)
      )`);
    await db.query(`CREATE INDEX idx_channel_ingest_keys_channel ON channel_ingest_keys (channel_code, created_at)`);
    await db.query(`CREATE INDEX idx_mentions_channel_received ON mentions (channel, received_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS idx_mentions_channel_received`);
    await db.query(`DROP TABLE IF EXISTS channel_ingest_keys`);
    await db.query(`DROP TABLE IF EXISTS channels`);
  }
}
