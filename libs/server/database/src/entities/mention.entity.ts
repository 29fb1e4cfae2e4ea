import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { Channel, MentionMediaInput, MentionStatus, MentionTags, Urgency } from '@sigap/contracts';
import { AuthorEntity } from './author.entity';

/**
 * One mention, stored exactly once per (channel, external_id). Rows are written in batches by
 * the worker with plain SQL (see the mentions repository); the entity documents the shape.
 */
@Entity('mentions')
@Unique('uq_mentions_channel_external_id', ['channel', 'externalId'])
export class MentionEntity {
  /** UUID v5 of (channel, externalId): the same id however often a platform retries. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', unique: true })
  seq: string;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ type: 'text', name: 'external_id' })
  externalId: string;

  @ManyToOne(() => AuthorEntity, { nullable: false })
  @JoinColumn({ name: 'author_id' })
  author: AuthorEntity;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', name: 'in_reply_to', nullable: true })
  inReplyTo: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  media: MentionMediaInput[];

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ type: 'jsonb', nullable: true })
  raw: unknown;

  @Column({ type: 'timestamptz', name: 'posted_at' })
  postedAt: Date;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt: Date;

  @Column({ type: 'timestamptz', name: 'stored_at', default: () => 'now()' })
  storedAt: Date;

  @Column({ type: 'text', default: 'baru' })
  status: MentionStatus;

  @Column({ type: 'text' })
  urgency: Urgency;

  @Column({ type: 'smallint', name: 'urgency_rank' })
  urgencyRank: number;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', array: true, name: 'opd_codes', default: () => "'{}'" })
  opdCodes: string[];

  @Column({ type: 'text', name: 'kecamatan_code', nullable: true })
  kecamatanCode: string | null;

  @Column({ type: 'jsonb' })
  tags: MentionTags;

  @Column({ type: 'text', name: 'rule_set_version' })
  ruleSetVersion: string;

  /** The near-duplicate cluster (clusters.id); null for mentions stored before clusters existed. */
  @Column({ type: 'uuid', name: 'cluster_id', nullable: true })
  clusterId: string | null;

  @Column({ type: 'uuid', name: 'claimed_by', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'timestamptz', name: 'claimed_at', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'uuid', name: 'assigned_to', nullable: true })
  assignedTo: string | null;

  @Column({ type: 'timestamptz', name: 'assigned_at', nullable: true })
  assignedAt: Date | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  labels: string[];

  @Column({ type: 'smallint', name: 'escalation_level', default: 0 })
  escalationLevel: number;

  @Column({ type: 'timestamptz', name: 'desk_activity_at', nullable: true })
  deskActivityAt: Date | null;

  /** The earlier mention whose ticket this one follows up. */
  @Column({ type: 'uuid', name: 'follows_up_id', nullable: true })
  followsUpId: string | null;

  /** That mention's ticket number, kept here so mention queries need no join. */
  @Column({ type: 'text', name: 'follows_up_ticket', nullable: true })
  followsUpTicket: string | null;
}
