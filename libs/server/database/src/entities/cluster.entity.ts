import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Near-duplicate mentions grouped as one story. Written by the worker in the same transaction as
 * the mentions (plain SQL in the mentions repository); the entity documents the shape.
 */
@Entity('clusters')
export class ClusterEntity {
  /** The id of the mention that opened the cluster. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Mentions stored with this cluster_id. */
  @Column({ type: 'integer', name: 'mention_count' })
  mentionCount: number;

  /** The earliest mention (by when it was said); usually `id`, unless an older one arrived late. */
  @Column({ type: 'uuid', name: 'first_mention_id' })
  firstMentionId: string;

  @Column({ type: 'timestamptz', name: 'first_seen_at' })
  firstSeenAt: Date;

  @Column({ type: 'timestamptz', name: 'last_seen_at' })
  lastSeenAt: Date;

  @Column({ type: 'text', name: 'kecamatan_code', nullable: true })
  kecamatanCode: string | null;
}
