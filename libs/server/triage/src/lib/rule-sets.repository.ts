import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, RuleSetChangeSummary, RuleSetDocument, RuleSetOrigin, RuleSetStatus } from '@sigap/contracts';
import { DataSource } from 'typeorm';
import type { TrialMention } from './rule-set.trial';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A `rule_sets` row with the names of the people behind it; `content` only when asked for. */
export interface RuleSetRow {
  id: string;
  version: number | null;
  status: RuleSetStatus;
  origin: RuleSetOrigin;
  content?: RuleSetDocument;
  base_version: number | null;
  notes: string;
  change_summary: RuleSetChangeSummary | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Date;
  published_by: string | null;
  published_by_name: string | null;
  published_at: Date | null;
}

export interface NewPublishedRuleSet {
  version: number;
  origin: RuleSetOrigin;
  content: RuleSetDocument;
  baseVersion: number | null;
  notes: string;
  changes: RuleSetChangeSummary | null;
  userId: string | null;
}

// Every writer of rule_sets takes this lock first, so version numbers and the one-published rule
// hold across API processes, and the API and worker seeding at the same moment insert v1 once.
const RULE_SET_WRITER_LOCK = 7_204_312;

const selectRuleSet = (withContent: boolean): string => `
  SELECT r.id, r.version, r.status, r.origin, ${withContent ? 'r.content,' : ''} r.base_version, r.notes, r.change_summary,
         r.created_by, c.name AS created_by_name, r.created_at,
         r.updated_by, u.name AS updated_by_name, r.updated_at,
         r.published_by, p.name AS published_by_name, r.published_at
    FROM rule_sets r
    LEFT JOIN users c ON c.id = r.created_by
    LEFT JOIN users u ON u.id = r.updated_by
    LEFT JOIN users p ON p.id = r.published_by`;

/** The queries, on the pool or inside a transaction. */
export class RuleSetQueries {
  constructor(protected readonly runner: Queryable) {}

  protected async rows<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.runner.query(sql, parameters)) as T[];
  }

  async count(): Promise<number> {
    const [row] = await this.rows<{ n: number }>('SELECT count(*)::int AS n FROM rule_sets');
    return row.n;
  }

  async publishedVersion(): Promise<number | null> {
    const [row] = await this.rows<{ version: number }>(`SELECT version FROM rule_sets WHERE status = 'published'`);
    return row?.version ?? null;
  }

  async maxVersion(): Promise<number> {
    const [row] = await this.rows<{ version: number }>('SELECT COALESCE(max(version), 0)::int AS version FROM rule_sets');
    return row.version;
  }

  async findPublished(): Promise<RuleSetRow | null> {
    const [row] = await this.rows<RuleSetRow>(`${selectRuleSet(true)} WHERE r.status = 'published'`);
    return row ?? null;
  }

  async findByVersion(version: number): Promise<RuleSetRow | null> {
    const [row] = await this.rows<RuleSetRow>(`${selectRuleSet(true)} WHERE r.version = $1`, [version]);
    return row ?? null;
  }

  async findDraft(): Promise<RuleSetRow | null> {
    const [row] = await this.rows<RuleSetRow>(`${selectRuleSet(true)} WHERE r.status = 'draft'`);
    return row ?? null;
  }

  /** Published and archived versions, newest first, without their content. */
  listVersions(): Promise<RuleSetRow[]> {
    return this.rows<RuleSetRow>(`${selectRuleSet(false)} WHERE r.status <> 'draft' ORDER BY r.version DESC`);
  }

  async insertPublished(rule: NewPublishedRuleSet): Promise<void> {
    await this.runner.query(
      `INSERT INTO rule_sets (version, status, origin, content, base_version, notes, change_summary,
                              created_by, updated_by, published_by, published_at)
       VALUES ($1, 'published', $2, $3::jsonb, $4, $5, $6::jsonb, $7, $7, $7, now())`,
      [
        rule.version,
        rule.origin,
        JSON.stringify(rule.content),
        rule.baseVersion,
        rule.notes,
        rule.changes === null ? null : JSON.stringify(rule.changes),
        rule.userId,
      ],
    );
  }

  async archivePublished(): Promise<void> {
    await this.runner.query(`UPDATE rule_sets SET status = 'archived' WHERE status = 'published'`);
  }

  async insertDraft(draft: { content: RuleSetDocument; notes: string; baseVersion: number | null; userId: string }): Promise<void> {
    await this.runner.query(
      `INSERT INTO rule_sets (status, origin, content, base_version, notes, created_by, updated_by)
       VALUES ('draft', 'edit', $1::jsonb, $2, $3, $4, $4)`,
      [JSON.stringify(draft.content), draft.baseVersion, draft.notes, draft.userId],
    );
  }

  async updateDraft(id: string, draft: { content: RuleSetDocument; notes: string; userId: string }): Promise<void> {
    await this.runner.query(
      `UPDATE rule_sets SET content = $2::jsonb, notes = $3, updated_by = $4, updated_at = now()
        WHERE id = $1 AND status = 'draft'`,
      [id, JSON.stringify(draft.content), draft.notes, draft.userId],
    );
  }

  /** Turns the draft into the published version `version`. */
  async promoteDraft(id: string, rule: Omit<NewPublishedRuleSet, 'origin' | 'baseVersion'>): Promise<void> {
    await this.runner.query(
      `UPDATE rule_sets
          SET status = 'published', version = $2, content = $3::jsonb, notes = $4, change_summary = $5::jsonb,
              updated_by = $6, updated_at = now(), published_by = $6, published_at = now()
        WHERE id = $1 AND status = 'draft'`,
      [id, rule.version, JSON.stringify(rule.content), rule.notes, JSON.stringify(rule.changes), rule.userId],
    );
  }

  async deleteDraft(): Promise<number> {
    const result = (await this.runner.query(`DELETE FROM rule_sets WHERE status = 'draft' RETURNING id`)) as [unknown[], number];
    return result[1];
  }
}

@Injectable()
export class RuleSetsRepository extends RuleSetQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super(db);
  }

  /** Runs `work` in one transaction that holds the rule-set writer lock. */
  transaction<T>(work: (tx: RuleSetQueries) => Promise<T>): Promise<T> {
    return this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [RULE_SET_WRITER_LOCK]);
      return work(new RuleSetQueries(manager));
    });
  }

  /** The most recently stored mentions, newest first, with what the engine reads of their author. */
  async recentMentions(limit: number): Promise<TrialMention[]> {
    const rows = await this.rows<{
      id: string;
      text: string;
      channel: Channel;
      posted_at: Date;
      handle: string;
      followers: number | null;
      verified: boolean;
    }>(
      `SELECT m.id, m.text, m.channel, m.posted_at, a.handle, a.followers, a.verified
         FROM mentions m JOIN authors a ON a.id = m.author_id
        ORDER BY m.seq DESC
        LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      id: row.id,
      text: row.text,
      channel: row.channel,
      postedAt: row.posted_at.toISOString(),
      author: { handle: row.handle, followers: row.followers ?? undefined, verified: row.verified },
    }));
  }

  /** Those of `codes` that name a known OPD, outside body, kecamatan or kelurahan office. */
  async knownOpdCodes(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.rows<{ code: string }>('SELECT code FROM opds WHERE code = ANY($1::text[])', [codes]);
    return new Set(rows.map((row) => row.code));
  }
}
