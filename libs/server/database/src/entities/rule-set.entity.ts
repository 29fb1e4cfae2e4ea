import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RuleSetChangeSummary, RuleSetDocument, RuleSetOrigin, RuleSetStatus } from '@sigap/contracts';

/**
 * One triage rule set: the single draft (no version yet), the published version, or an archived
 * one. Published versions are never edited; a rollback publishes a copy under a new number.
 */
@Entity('rule_sets')
export class RuleSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 1, 2, 3…; null while the row is the draft. */
  @Column({ type: 'integer', nullable: true, unique: true })
  version: number | null;

  @Column({ type: 'text' })
  status: RuleSetStatus;

  @Column({ type: 'text' })
  origin: RuleSetOrigin;

  @Column({ type: 'jsonb' })
  content: RuleSetDocument;

  @Column({ type: 'integer', name: 'base_version', nullable: true })
  baseVersion: number | null;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ type: 'jsonb', name: 'change_summary', nullable: true })
  changeSummary: RuleSetChangeSummary | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'uuid', name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'uuid', name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
