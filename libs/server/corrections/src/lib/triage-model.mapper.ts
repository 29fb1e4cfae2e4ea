import type { TriageModelView } from '@sigap/contracts';
import type { TriageModelRow } from '@sigap/server/triage';

export function mapTriageModel(row: TriageModelRow): TriageModelView {
  return {
    version: row.version,
    status: row.status,
    metrics: row.metrics,
    trainedOn: { seed: row.trained_on_seed, corrections: row.trained_on_corrections },
    createdAt: row.created_at.toISOString(),
    activatedAt: row.activated_at ? row.activated_at.toISOString() : null,
  };
}
