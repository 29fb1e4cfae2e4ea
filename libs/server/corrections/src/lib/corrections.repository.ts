import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MentionCorrectionState, MentionTags, Urgency } from '@sigap/contracts';
import { mentionScopeSql, type MentionScope } from '@sigap/server/auth';
import { DataSource } from 'typeorm';

export interface CorrectableMention {
  id: string;
  text: string;
  urgency: Urgency;
  score: number;
  opd_codes: string[];
  tags: MentionTags;
}

export interface CorrectionRow {
  id: string;
  mention_id: string;
  user_id: string | null;
  before: MentionCorrectionState;
  after: MentionCorrectionState;
  created_at: Date;
}

export interface MentionUpdate {
  urgency: Urgency;
  urgencyRank: number;
  score: number;
  opdCodes: string[];
  tags: MentionTags;
}

/** The latest correction of each mention, with the mention's text: what training learns from. */
export interface CorrectedText {
  text: string;
  after: MentionCorrectionState;
}

@Injectable()
export class CorrectionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The mention when the scope may see it (an admin: its OPDs and unrouted mentions), else null. */
  async findMention(id: string, scope: MentionScope): Promise<CorrectableMention | null> {
    if (scope.kind === 'none') return null;
    const params: unknown[] = [id];
    const rows = (await this.db.query(
      `SELECT m.id, m.text, m.urgency, m.score, m.opd_codes, m.tags FROM mentions m WHERE m.id = $1 AND ${mentionScopeSql(scope, params)}`,
      params,
    )) as CorrectableMention[];
    return rows[0] ?? null;
  }

  /** Of `codes`, those that are not a known city unit or external referral. */
  async unknownUnits(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = (await this.db.query(`SELECT code FROM opds WHERE code = ANY($1::text[]) AND kind IN ('opd', 'external')`, [codes])) as {
      code: string;
    }[];
    const known = new Set(rows.map((row) => row.code));
    return codes.filter((code) => !known.has(code));
  }

  /** Stores the correction and applies it to the mention in one transaction. */
  save(
    mentionId: string,
    userId: string,
    before: MentionCorrectionState,
    after: MentionCorrectionState,
    update: MentionUpdate,
  ): Promise<CorrectionRow> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE mentions SET urgency = $2, urgency_rank = $3, score = $4, opd_codes = $5::text[], tags = $6 WHERE id = $1`,
        [mentionId, update.urgency, update.urgencyRank, update.score, update.opdCodes, JSON.stringify(update.tags)],
      );
      const rows = (await tx.query(
        `INSERT INTO mention_corrections (mention_id, user_id, before, after) VALUES ($1, $2, $3, $4)
         RETURNING id, mention_id, user_id, before, after, created_at`,
        [mentionId, userId, JSON.stringify(before), JSON.stringify(after)],
      )) as CorrectionRow[];
      return rows[0];
    });
  }

  async latestCorrectionAt(): Promise<Date | null> {
    const rows = (await this.db.query('SELECT max(created_at) AS at FROM mention_corrections')) as { at: Date | null }[];
    return rows[0]?.at ?? null;
  }

  latestPerMention(limit: number): Promise<CorrectedText[]> {
    return this.db.query(
      `SELECT DISTINCT ON (c.mention_id) m.text, c.after
         FROM mention_corrections c JOIN mentions m ON m.id = c.mention_id
        ORDER BY c.mention_id, c.created_at DESC, c.id DESC
        LIMIT $1`,
      [limit],
    ) as Promise<CorrectedText[]>;
  }
}
