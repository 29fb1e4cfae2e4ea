import {
  ruleSetLabel,
  type RuleSetDocument,
  type RuleSetUserRef,
  type RuleSetVersionDetail,
  type RuleSetVersionSummary,
} from '@sigap/contracts';
import type { RuleSet } from '@sigap/triage';
import type { RuleSetRow } from './rule-sets.repository';

const userRef = (id: string | null, name: string | null): RuleSetUserRef | null => (id ? { id, name: name ?? id } : null);

/** The engine's rule set as the JSON document the API stores and serves. */
export const toRuleSetDocument = (ruleSet: RuleSet): RuleSetDocument => ruleSet as unknown as RuleSetDocument;

/** A stored document as the engine's rule set; only documents that passed `checkRuleSet` are stored. */
export const toRuleSet = (document: RuleSetDocument): RuleSet => document as unknown as RuleSet;

/** A stored version (never the draft) for the history. */
export function mapRuleSetVersion(row: RuleSetRow): RuleSetVersionSummary {
  if (row.version === null || row.status === 'draft') throw new Error(`rule set ${row.id} is a draft, not a version`);
  return {
    version: row.version,
    label: ruleSetLabel(row.version),
    status: row.status,
    origin: row.origin,
    baseVersion: row.base_version,
    notes: row.notes,
    createdBy: userRef(row.created_by, row.created_by_name),
    createdAt: row.created_at.toISOString(),
    publishedBy: userRef(row.published_by, row.published_by_name),
    publishedAt: (row.published_at ?? row.created_at).toISOString(),
    changes: row.change_summary,
  };
}

export function mapRuleSetVersionDetail(row: RuleSetRow): RuleSetVersionDetail {
  if (!row.content) throw new Error(`rule set ${row.id} was read without its content`);
  return { ...mapRuleSetVersion(row), content: row.content };
}

export const mapUserRef = userRef;
