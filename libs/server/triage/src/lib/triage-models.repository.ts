import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TriageModelMetrics, TriageModelStatus } from '@sigap/contracts';
import { DataSource } from 'typeorm';

/** A `triage_models` row; `model` only when asked for (it is the large part). */
export interface TriageModelRow {
  version: number;
  status: TriageModelStatus;
  model?: unknown;
  metrics: TriageModelMetrics;
  trained_on_seed: number;
  trained_on_corrections: number;
  created_at: Date;
  activated_at: Date | null;
}

export interface NewTriageModel {
  model: unknown;
  metrics: TriageModelMetrics;
  trainedOnSeed: number;
  trainedOnCorrections: number;
  activate: boolean;
}

const COLUMNS = 'version, status, metrics, trained_on_seed, trained_on_corrections, created_at, activated_at';
// Writers of triage_models take this lock so versions and the one-active rule hold across processes.
const MODEL_WRITER_LOCK = 7_204_313;

@Injectable()
export class TriageModelsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async activeVersion(): Promise<number | null> {
    const rows = (await this.db.query(`SELECT version FROM triage_models WHERE status = 'active'`)) as { version: number }[];
    return rows[0]?.version ?? null;
  }

  async findWithModel(version: number): Promise<TriageModelRow | null> {
    const rows = (await this.db.query(`SELECT ${COLUMNS}, model FROM triage_models WHERE version = $1`, [version])) as TriageModelRow[];
    return rows[0] ?? null;
  }

  list(): Promise<TriageModelRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM triage_models ORDER BY version DESC`) as Promise<TriageModelRow[]>;
  }

  /** Stores the next version; when `activate`, it becomes the active one and the previous is archived. */
  insert(next: NewTriageModel): Promise<TriageModelRow> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MODEL_WRITER_LOCK]);
      if (next.activate) await tx.query(`UPDATE triage_models SET status = 'archived' WHERE status = 'active'`);
      const rows = (await tx.query(
        `INSERT INTO triage_models (version, status, model, metrics, trained_on_seed, trained_on_corrections, activated_at)
         SELECT COALESCE(max(version), 0) + 1, $1, $2, $3, $4, $5, CASE WHEN $1 = 'active' THEN now() END FROM triage_models
         RETURNING ${COLUMNS}`,
        [next.activate ? 'active' : 'archived', JSON.stringify(next.model), JSON.stringify(next.metrics), next.trainedOnSeed, next.trainedOnCorrections],
      )) as TriageModelRow[];
      return rows[0];
    });
  }

  /** Makes `version` the active model (archiving the current one); null when there is no such version. */
  activate(version: number): Promise<TriageModelRow | null> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MODEL_WRITER_LOCK]);
      const exists = (await tx.query('SELECT 1 FROM triage_models WHERE version = $1', [version])) as unknown[];
      if (exists.length === 0) return null;
      await tx.query(`UPDATE triage_models SET status = 'archived' WHERE status = 'active' AND version <> $1`, [version]);
      // TypeORM returns [rows, count] for an UPDATE … RETURNING: read the row back instead.
      await tx.query(`UPDATE triage_models SET status = 'active', activated_at = now() WHERE version = $1`, [version]);
      const rows = (await tx.query(`SELECT ${COLUMNS} FROM triage_models WHERE version = $1`, [version])) as TriageModelRow[];
      return rows[0];
    });
  }
}
