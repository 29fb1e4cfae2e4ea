import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Near-duplicate clusters: every mention the worker stores names its cluster, and the cluster
 * row counts the mentions stored in it (written in the same transaction as the mentions).
 * Mentions stored before this migration keep a null cluster_id and count as clusters of one.
 */
export class Clusters1764400000000 implements MigrationInterface {
  name = 'Clusters1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE clusters (
        id uuid PRIMARY KEY,
        mention_count integer NOT NULL CHECK (mention_count > 0),
        first_mention_id uuid NOT NULL,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        kecamatan_code text,
        CONSTRAINT ck_clusters_seen CHECK (first_seen_at <= last_seen_at)
      )`);
    // A restarting worker reads the clusters seen within the window.
    await db.query(`CREATE INDEX idx_clusters_last_seen ON clusters (last_seen_at DESC)`);
    await db.query(`ALTER TABLE mentions ADD COLUMN cluster_id uuid`);
    await db.query(`CREATE INDEX idx_mentions_cluster ON mentions (cluster_id, seq)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS idx_mentions_cluster`);
    await db.query(`ALTER TABLE mentions DROP COLUMN IF EXISTS cluster_id`);
    await db.query(`DROP TABLE IF EXISTS clusters`);
  }
}
