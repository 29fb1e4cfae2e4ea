import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MentionInput, MentionSort, MentionStatus, MentionTags, Urgency, Channel } from '@sigap/contracts';
import { BOARD_BOUNCE_WINDOW_HOURS, parseTicketNumber, ticketNumbersIn, urgencyRank } from '@sigap/contracts';
import { mentionScopeSql, type MentionScope } from '@sigap/server/auth';
import { DataSource } from 'typeorm';
import type { MentionCursor } from './mention-cursor';
import type { MentionRow } from './mention.mapper';

export interface MentionToStore {
  id: string;
  mention: MentionInput;
  receivedAt: string;
  tags: MentionTags;
  /** Its near-duplicate cluster (the id of the cluster's first mention). */
  clusterId: string | null;
}

/** A stored mention of a cluster still open, with its cluster, for warming a clusterer up. */
export interface OpenClusterMemberRow {
  cluster_id: string;
  mention_count: number;
  first_mention_id: string;
  first_seen_at: Date;
  last_seen_at: Date;
  kecamatan_code: string | null;
  id: string;
  text: string;
  /** When the mention was said: the earlier of posted_at and received_at. */
  seen_at: Date;
  tags: MentionTags;
}

export interface StoreResult {
  /** Ids written by this call; the others were already stored. */
  inserted: { id: string; seq: number }[];
}

export interface MentionFilter {
  urgency?: Urgency[];
  opd?: string[];
  channel?: Channel[];
  kecamatan?: string[];
  status?: MentionStatus[];
  q?: string;
  /** Who holds it: nobody, or this user. */
  holder?: PersonFilter;
  /** Whom it is assigned to: nobody, or this user. */
  assignee?: PersonFilter;
  label?: string;
  escalated?: boolean;
  /** Forwarded away from this OPD within BOARD_BOUNCE_WINDOW_HOURS. */
  forwardedFrom?: string;
}

/** A holder/assignee filter with `me` already resolved to the caller. */
export type PersonFilter = { kind: 'none' } | { kind: 'user'; id: string };

const SELECT_MENTION = `
  SELECT m.id, m.seq, m.channel, m.external_id, m.text, m.url, m.in_reply_to, m.media, m.lat, m.lon,
         m.posted_at, m.received_at, m.status, m.urgency, m.urgency_rank, m.score, m.opd_codes,
         m.kecamatan_code, m.tags, m.cluster_id, c.mention_count AS cluster_size,
         a.handle AS author_handle, a.name AS author_name, a.followers AS author_followers,
         a.verified AS author_verified, m.claimed_by, m.claimed_at, h.name AS claimed_by_name,
         m.assigned_to, asg.name AS assigned_to_name, m.labels, m.escalation_level,
         m.follows_up_id, m.follows_up_ticket`;
const FROM_MENTIONS = `FROM mentions m JOIN authors a ON a.id = m.author_id LEFT JOIN clusters c ON c.id = m.cluster_id
  LEFT JOIN users h ON h.id = m.claimed_by LEFT JOIN users asg ON asg.id = m.assigned_to`;

/** The year of a mention's ticket number (`ticketNumberOf`: the UTC year it was received). */
const TICKET_YEAR = (alias: string) => `extract(year FROM ${alias}.received_at AT TIME ZONE 'UTC')::int`;

/** The tickets a text quotes, as the insert resolves them; null when it quotes none. */
const followsOf = (text: string): { ord: number; seq: number; year: number; ticket: string }[] | null => {
  const refs = ticketNumbersIn(text);
  return refs.length === 0 ? null : refs.map((ref, ord) => ({ ord, seq: ref.seq, year: ref.year, ticket: ref.ticketNumber }));
};

// One lock for every writer: seq values then commit in the order they were drawn, so a reader
// that has seen seq N never later finds a smaller seq appear (the live stream relies on it).
const SEQ_WRITER_LOCK = 7_204_311;

/** Builds parameterised WHERE clauses without string-splicing values. */
class Where {
  readonly clauses: string[] = [];
  constructor(readonly params: unknown[] = []) {}

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(clause: string): void {
    this.clauses.push(clause);
  }

  toSql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

const personClause = (column: string, person: PersonFilter, where: Where): string =>
  person.kind === 'none' ? `${column} IS NULL` : `${column} = ${where.param(person.id)}::uuid`;

@Injectable()
export class MentionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores a batch with two multi-row statements in one transaction; existing mentions are
   * skipped. The clusters of the mentions actually written are counted in the same statement, so
   * a cluster's count is always the number of its stored mentions.
   */
  async storeBatch(items: MentionToStore[]): Promise<StoreResult> {
    if (items.length === 0) return { inserted: [] };
    const authors = new Map<string, { channel: string; handle: string; name: string | null; followers: number | null; verified: boolean }>();
    for (const { mention } of items) {
      authors.set(`${mention.channel}\u0000${mention.author.handle}`, {
        channel: mention.channel,
        handle: mention.author.handle,
        name: mention.author.name ?? null,
        followers: mention.author.followers ?? null,
        verified: mention.author.verified ?? false,
      });
    }
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQ_WRITER_LOCK]);
      const authorRows: { id: string; channel: string; handle: string }[] = await tx.query(
        `INSERT INTO authors (channel, handle, name, followers, verified)
         SELECT channel, handle, name, followers, verified
           FROM jsonb_to_recordset($1::jsonb) AS x(channel text, handle text, name text, followers integer, verified boolean)
         ON CONFLICT (channel, handle) DO UPDATE
           SET name = COALESCE(EXCLUDED.name, authors.name),
               followers = COALESCE(EXCLUDED.followers, authors.followers),
               verified = EXCLUDED.verified OR authors.verified
         RETURNING id, channel, handle`,
        [JSON.stringify([...authors.values()])],
      );
      const authorIds = new Map(authorRows.map((row) => [`${row.channel}\u0000${row.handle}`, row.id]));
      const rows = items.map(({ id, mention, receivedAt, tags, clusterId }, ord) => ({
        ord,
        id,
        channel: mention.channel,
        external_id: mention.externalId,
        author_id: authorIds.get(`${mention.channel}\u0000${mention.author.handle}`),
        text: mention.text,
        url: mention.url ?? null,
        in_reply_to: mention.inReplyTo ?? null,
        media: mention.media ?? [],
        lat: mention.location?.lat ?? null,
        lon: mention.location?.lon ?? null,
        raw: mention.raw === undefined ? null : mention.raw,
        posted_at: mention.postedAt,
        received_at: receivedAt,
        urgency: tags.urgency,
        urgency_rank: urgencyRank(tags.urgency),
        score: tags.score,
        opd_codes: tags.opd.map((o) => o.code).join(','),
        kecamatan_code: tags.kecamatan,
        tags,
        rule_set_version: tags.ruleSetVersion,
        cluster_id: clusterId,
        // Tickets the text quotes, resolved in the insert itself (most messages quote none: null).
        follows: followsOf(mention.text),
      }));
      const inserted: { id: string; seq: string }[] = await tx.query(
        `WITH stored AS (
           INSERT INTO mentions (id, channel, external_id, author_id, text, url, in_reply_to, media, lat, lon, raw,
                                 posted_at, received_at, urgency, urgency_rank, score, opd_codes, kecamatan_code, tags,
                                 rule_set_version, cluster_id, follows_up_id, follows_up_ticket)
           SELECT x.id, x.channel, x.external_id, x.author_id, x.text, x.url, x.in_reply_to, x.media, x.lat, x.lon, x.raw,
                  x.posted_at, x.received_at, x.urgency, x.urgency_rank, x.score,
                  -- A follow-up triage could not route ("any news on my ticket?") goes where its ticket went.
                  COALESCE(NULLIF(string_to_array(x.opd_codes, ','), '{}'), link.opd_codes, '{}'),
                  COALESCE(x.kecamatan_code, link.kecamatan_code), x.tags, x.rule_set_version, x.cluster_id, link.id, link.ticket
             FROM jsonb_to_recordset($1::jsonb) AS x(
                    ord integer, id uuid, channel text, external_id text, author_id uuid, text text, url text,
                    in_reply_to text, media jsonb, lat double precision, lon double precision, raw jsonb,
                    posted_at timestamptz, received_at timestamptz, urgency text, urgency_rank smallint,
                    score smallint, opd_codes text, kecamatan_code text, tags jsonb, rule_set_version text,
                    cluster_id uuid, follows jsonb)
             -- The first quoted ticket that names a stored mention (by seq, then its year).
             LEFT JOIN LATERAL (
                    SELECT f.id, t.ticket, f.opd_codes, f.kecamatan_code
                      FROM jsonb_to_recordset(x.follows) AS t(ord integer, seq bigint, year integer, ticket text)
                      JOIN mentions f ON f.seq = t.seq
                     WHERE f.id <> x.id AND ${TICKET_YEAR('f')} = t.year
                     ORDER BY t.ord
                     LIMIT 1) link ON true
            ORDER BY x.ord
           ON CONFLICT DO NOTHING
           RETURNING id, seq, cluster_id, LEAST(posted_at, received_at) AS seen_at, kecamatan_code
         ), counted AS (
           INSERT INTO clusters AS c (id, mention_count, first_mention_id, first_seen_at, last_seen_at, kecamatan_code)
           SELECT cluster_id, count(*), (array_agg(id ORDER BY seen_at, seq))[1], min(seen_at), max(seen_at),
                  (array_agg(kecamatan_code ORDER BY seq) FILTER (WHERE kecamatan_code IS NOT NULL))[1]
             FROM stored
            WHERE cluster_id IS NOT NULL
            GROUP BY cluster_id
           ON CONFLICT (id) DO UPDATE
             SET mention_count = c.mention_count + EXCLUDED.mention_count,
                 first_mention_id = CASE WHEN EXCLUDED.first_seen_at < c.first_seen_at
                                         THEN EXCLUDED.first_mention_id ELSE c.first_mention_id END,
                 first_seen_at = LEAST(c.first_seen_at, EXCLUDED.first_seen_at),
                 last_seen_at = GREATEST(c.last_seen_at, EXCLUDED.last_seen_at),
                 kecamatan_code = COALESCE(c.kecamatan_code, EXCLUDED.kecamatan_code)
         )
         SELECT id, seq FROM stored`,
        [JSON.stringify(rows)],
      );
      return { inserted: inserted.map((row) => ({ id: row.id, seq: Number(row.seq) })) };
    });
  }

  async findPage(
    filter: MentionFilter,
    scope: MentionScope,
    sort: MentionSort,
    cursor: MentionCursor | null,
    limit: number,
  ): Promise<MentionRow[]> {
    const where = new Where();
    this.applyScope(where, scope);
    this.applyFilter(where, filter);
    if (cursor) {
      const postedAt = where.param(cursor.postedAt);
      const id = where.param(cursor.id);
      switch (sort) {
        case 'newest':
          where.add(`(m.posted_at, m.id) < (${postedAt}::timestamptz, ${id}::uuid)`);
          break;
        case 'oldest':
          where.add(`(m.posted_at, m.id) > (${postedAt}::timestamptz, ${id}::uuid)`);
          break;
        case 'urgency': {
          const rank = where.param(cursor.urgencyRank);
          where.add(
            `(m.urgency_rank > ${rank} OR (m.urgency_rank = ${rank} AND (m.posted_at, m.id) < (${postedAt}::timestamptz, ${id}::uuid)))`,
          );
          break;
        }
      }
    }
    const order = {
      newest: 'm.posted_at DESC, m.id DESC',
      oldest: 'm.posted_at ASC, m.id ASC',
      urgency: 'm.urgency_rank ASC, m.posted_at DESC, m.id DESC',
    }[sort];
    const limitParam = where.param(limit);
    return this.db.query(
      `${SELECT_MENTION} ${FROM_MENTIONS} ${where.toSql()} ORDER BY ${order} LIMIT ${limitParam}`,
      where.params,
    );
  }

  /** Ids of the mentions a filter matches within a scope, newest first, at most `limit` (bulk actions). */
  async findIdsMatching(filter: MentionFilter, scope: MentionScope, limit: number): Promise<string[]> {
    const where = new Where();
    this.applyScope(where, scope);
    this.applyFilter(where, filter);
    const rows: { id: string }[] = await this.db.query(
      `SELECT m.id ${FROM_MENTIONS} ${where.toSql()} ORDER BY m.posted_at DESC, m.id DESC LIMIT ${where.param(limit)}`,
      where.params,
    );
    return rows.map((row) => row.id);
  }

  async findById(id: string, scope: MentionScope): Promise<MentionRow | null> {
    const where = new Where();
    where.add(`m.id = ${where.param(id)}`);
    this.applyScope(where, scope);
    const rows: MentionRow[] = await this.db.query(
      // The follow-up count only here: per row in lists and the live stream it slowed delivery tenfold.
      `${SELECT_MENTION}, m.raw, (SELECT count(*)::int FROM mentions fu WHERE fu.follows_up_id = m.id) AS follow_up_count
        ${FROM_MENTIONS} ${where.toSql()}`,
      where.params,
    );
    return rows[0] ?? null;
  }

  /** Mentions stored after `afterSeq` (up to `uptoSeq` when given), oldest first, for the live stream. */
  findAfterSeq(afterSeq: number, limit: number, scope: MentionScope = { kind: 'all' }, uptoSeq?: number): Promise<MentionRow[]> {
    const where = new Where();
    where.add(`m.seq > ${where.param(afterSeq)}`);
    if (uptoSeq !== undefined) where.add(`m.seq <= ${where.param(uptoSeq)}`);
    this.applyScope(where, scope);
    return this.db.query(
      `${SELECT_MENTION} ${FROM_MENTIONS} ${where.toSql()} ORDER BY m.seq LIMIT ${where.param(limit)}`,
      where.params,
    );
  }

  /**
   * The clusters seen since `since` (the most recent `maxClusters`), each with its first
   * `perCluster` stored mentions; clusters oldest first, their mentions in the order stored.
   */
  findOpenClusterMembers(since: Date, perCluster: number, maxClusters: number): Promise<OpenClusterMemberRow[]> {
    return this.db.query(
      `SELECT c.id AS cluster_id, c.mention_count, c.first_mention_id, c.first_seen_at, c.last_seen_at, c.kecamatan_code,
              m.id, m.text, LEAST(m.posted_at, m.received_at) AS seen_at, m.tags
         FROM (SELECT * FROM clusters WHERE last_seen_at >= $1 ORDER BY last_seen_at DESC LIMIT $3) c
        CROSS JOIN LATERAL (
              SELECT id, text, posted_at, received_at, tags, seq FROM mentions
               WHERE cluster_id = c.id ORDER BY seq LIMIT $2) m
        ORDER BY c.first_seen_at, c.id, m.seq`,
      [since, perCluster, maxClusters],
    );
  }

  async maxSeq(): Promise<number> {
    const [row] = await this.db.query('SELECT COALESCE(max(seq), 0) AS seq FROM mentions');
    return Number(row.seq);
  }

  async countAfterSeq(afterSeq: number, uptoSeq: number, scope: MentionScope): Promise<number> {
    const where = new Where();
    where.add(`m.seq > ${where.param(afterSeq)}`);
    where.add(`m.seq <= ${where.param(uptoSeq)}`);
    this.applyScope(where, scope);
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM mentions m ${where.toSql()}`, where.params);
    return row.n;
  }

  private applyScope(where: Where, scope: MentionScope): void {
    if (scope.kind !== 'all') where.add(mentionScopeSql(scope, where.params));
  }

  private applyFilter(where: Where, filter: MentionFilter): void {
    if (filter.urgency?.length) where.add(`m.urgency = ANY(${where.param(filter.urgency)}::text[])`);
    if (filter.channel?.length) where.add(`m.channel = ANY(${where.param(filter.channel)}::text[])`);
    if (filter.status?.length) where.add(`m.status = ANY(${where.param(filter.status)}::text[])`);
    if (filter.kecamatan?.length) where.add(`m.kecamatan_code = ANY(${where.param(filter.kecamatan)}::text[])`);
    if (filter.opd?.length) where.add(`m.opd_codes && ${where.param(filter.opd)}::text[]`);
    if (filter.holder) where.add(personClause('m.claimed_by', filter.holder, where));
    if (filter.assignee) where.add(personClause('m.assigned_to', filter.assignee, where));
    if (filter.label) where.add(`m.labels @> ARRAY[${where.param(filter.label)}]::text[]`);
    if (filter.escalated !== undefined) where.add(filter.escalated ? 'm.escalation_level > 0' : 'm.escalation_level = 0');
    if (filter.forwardedFrom) {
      // The same window and rule as the board's bounce count, so the drill-down lists what it counted.
      where.add(
        `EXISTS (SELECT 1 FROM mention_forwards f WHERE f.mention_id = m.id AND f.from_opds @> ARRAY[${where.param(filter.forwardedFrom)}]::text[]
                  AND f.at > now() - make_interval(hours => ${where.param(BOARD_BOUNCE_WINDOW_HOURS)}))`,
      );
    }
    if (filter.q) {
      const escaped = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      const pattern = where.param(`%${escaped}%`);
      const ticket = parseTicketNumber(filter.q);
      if (ticket) {
        // A ticket number: that mention and its follow-ups, besides texts quoting it.
        const seq = where.param(ticket.seq);
        const year = where.param(ticket.year);
        where.add(
          `(m.text ILIKE ${pattern} OR a.handle ILIKE ${pattern}
            OR (m.seq = ${seq}::bigint AND ${TICKET_YEAR('m')} = ${year}::int)
            OR m.follows_up_id IN (SELECT t.id FROM mentions t WHERE t.seq = ${seq}::bigint AND ${TICKET_YEAR('t')} = ${year}::int))`,
        );
      } else {
        where.add(`(m.text ILIKE ${pattern} OR a.handle ILIKE ${pattern})`);
      }
    }
  }
}
