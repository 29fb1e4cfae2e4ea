import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MentionStatus, Urgency } from '@sigap/contracts';
import type { MentionScope } from '@sigap/server/auth';
import { DataSource } from 'typeorm';
import { mentionScopeSql } from '@sigap/server/auth';

export interface UrgencyCountRow {
  urgency: Urgency;
  unclaimed: number;
  oldest_seconds: number | null;
  at_risk: number;
  breached: number;
}

export interface PersonLoadRow {
  id: string;
  name: string;
  role: string;
  holding: number;
  assigned: number;
}

export interface OpdLoadRow {
  code: string;
  name: string;
  backlog: number;
  bounced: number;
}

export interface WaitingMentionRow {
  id: string;
  seq: string;
  received_at: Date;
  urgency: Urgency;
  status: MentionStatus;
  excerpt: string;
  opd_codes: string[];
  waited_seconds: number;
}

export interface MyWorkRow {
  holding: number;
  assigned: number;
  awaiting_approval: number;
}

/** Upper bounds, so a board never grows with the size of the database. */
const MAX_PEOPLE = 500;
const MAX_OPDS = 300;
const EXCERPT_CHARS = 160;

/**
 * The supervisor board's queries: one statement per family (urgency tiles, people, OPDs, the
 * oldest waiting), each aggregated in the database and bounded.
 */
@Injectable()
export class BoardRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Unclaimed mentions in `statuses` per urgency, with the oldest wait and the SLA counts. */
  unclaimedByUrgency(
    statuses: readonly MentionStatus[],
    slaSeconds: Record<Urgency, number>,
    atRiskFraction: number,
    windowDays: number,
  ): Promise<UrgencyCountRow[]> {
    const urgencies = Object.keys(slaSeconds);
    return this.db.query(
      `SELECT m.urgency,
              count(*)::int AS unclaimed,
              max(extract(epoch FROM now() - m.received_at))::float8 AS oldest_seconds,
              count(*) FILTER (WHERE extract(epoch FROM now() - m.received_at) >= s.sla * $4::float8
                                 AND extract(epoch FROM now() - m.received_at) < s.sla)::int AS at_risk,
              count(*) FILTER (WHERE extract(epoch FROM now() - m.received_at) >= s.sla)::int AS breached
         FROM mentions m
         JOIN unnest($2::text[], $3::int[]) AS s(urgency, sla) ON s.urgency = m.urgency
        WHERE m.status = ANY($1::text[]) AND m.claimed_by IS NULL AND m.received_at > now() - make_interval(days => $5)
        GROUP BY m.urgency`,
      [statuses, urgencies, urgencies.map((u) => slaSeconds[u as Urgency]), atRiskFraction, windowDays],
    );
  }

  /**
   * Who holds and who was assigned how many open mentions: every active admin and supervisor,
   * plus anyone else holding, assigned or named in `alsoInclude` (those online).
   */
  peopleLoad(closed: readonly MentionStatus[], alsoInclude: string[]): Promise<PersonLoadRow[]> {
    return this.db.query(
      `WITH holds AS (
              SELECT claimed_by AS user_id, count(*)::int AS n FROM mentions
               WHERE claimed_by IS NOT NULL AND status <> ALL($1::text[]) GROUP BY 1),
            assigned AS (
              SELECT assigned_to AS user_id, count(*)::int AS n FROM mentions
               WHERE assigned_to IS NOT NULL AND status <> ALL($1::text[]) GROUP BY 1)
       SELECT u.id, u.name, u.role, COALESCE(h.n, 0) AS holding, COALESCE(a.n, 0) AS assigned
         FROM users u
         LEFT JOIN holds h ON h.user_id = u.id
         LEFT JOIN assigned a ON a.user_id = u.id
        WHERE (NOT u.disabled AND u.role IN ('admin', 'supervisor')) OR h.n IS NOT NULL OR a.n IS NOT NULL OR u.id = ANY($2::uuid[])
        ORDER BY COALESCE(h.n, 0) DESC, COALESCE(a.n, 0) DESC, u.name
        LIMIT ${MAX_PEOPLE}`,
      [closed, alsoInclude],
    );
  }

  /**
   * Open backlog per routed code (received in the last `windowDays`), forwards away from each
   * code since `hours` ago, and the unrouted backlog.
   */
  async opdLoad(closed: readonly MentionStatus[], hours: number, windowDays: number): Promise<{ opds: OpdLoadRow[]; unrouted: number }> {
    const [row]: { opds: OpdLoadRow[]; unrouted: number }[] = await this.db.query(
      `WITH backlog AS (
              SELECT code, count(*)::int AS n FROM mentions m CROSS JOIN LATERAL unnest(m.opd_codes) AS code
               WHERE m.status <> ALL($1::text[]) AND m.received_at > now() - make_interval(days => $3) GROUP BY code),
            bounces AS (
              SELECT code, count(*)::int AS n FROM mention_forwards f CROSS JOIN LATERAL unnest(f.from_opds) AS code
               WHERE f.at > now() - make_interval(hours => $2) GROUP BY code),
            codes AS (SELECT code FROM backlog UNION SELECT code FROM bounces)
       SELECT (SELECT count(*)::int FROM mentions m
                WHERE m.status <> ALL($1::text[]) AND m.opd_codes = '{}' AND m.received_at > now() - make_interval(days => $3)) AS unrouted,
              COALESCE((
                SELECT json_agg(r ORDER BY r.backlog DESC, r.bounced DESC, r.code)
                  FROM (SELECT c.code, COALESCE(o.name, c.code) AS name, COALESCE(b.n, 0) AS backlog, COALESCE(x.n, 0) AS bounced
                          FROM codes c
                          LEFT JOIN backlog b ON b.code = c.code
                          LEFT JOIN bounces x ON x.code = c.code
                          LEFT JOIN opds o ON o.code = c.code
                         ORDER BY COALESCE(b.n, 0) DESC, COALESCE(x.n, 0) DESC, c.code
                         LIMIT ${MAX_OPDS}) r), '[]'::json) AS opds`,
      [closed, hours, windowDays],
    );
    return row;
  }

  /** The oldest unclaimed mentions of these urgencies received in the last `windowDays`, oldest first. */
  oldestUnclaimed(statuses: readonly MentionStatus[], urgencies: readonly Urgency[], limit: number, windowDays: number): Promise<WaitingMentionRow[]> {
    return this.db.query(
      `SELECT m.id, m.seq, m.received_at, m.urgency, m.status, left(m.text, ${EXCERPT_CHARS}) AS excerpt, m.opd_codes,
              extract(epoch FROM now() - m.received_at)::float8 AS waited_seconds
         FROM mentions m
        WHERE m.status = ANY($1::text[]) AND m.claimed_by IS NULL AND m.urgency = ANY($2::text[])
          AND m.received_at > now() - make_interval(days => $4)
        ORDER BY m.received_at, m.id
        LIMIT $3`,
      [statuses, urgencies, limit, windowDays],
    );
  }

  /** What one person holds, was assigned and waits for approval on, within what they may see. */
  async myWork(userId: string, scope: MentionScope, closed: readonly MentionStatus[]): Promise<MyWorkRow> {
    const params: unknown[] = [userId, closed];
    const [row]: MyWorkRow[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE m.claimed_by = $1 AND m.status <> ALL($2::text[]))::int AS holding,
              count(*) FILTER (WHERE m.assigned_to = $1 AND m.status <> ALL($2::text[]))::int AS assigned,
              count(*) FILTER (WHERE m.claimed_by = $1 AND m.status = 'menunggu_persetujuan')::int AS awaiting_approval
         FROM mentions m
        WHERE (m.claimed_by = $1 OR m.assigned_to = $1) AND ${mentionScopeSql(scope, params)}`,
      params,
    );
    return row;
  }
}
