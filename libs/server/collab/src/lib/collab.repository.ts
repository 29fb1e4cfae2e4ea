import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, MentionStatus, Role } from '@sigap/contracts';
import { mentionScopeSql, type MentionScope } from '@sigap/server/auth';
import type { NotificationRow } from '@sigap/server/notifications';
import { DataSource, type EntityManager } from 'typeorm';

export interface ScopedMentionRow {
  id: string;
  opd_codes: string[];
  author_id: string;
  posted_at: Date;
  /** The mention whose ticket it follows up. */
  follows_up_id: string | null;
}

export interface CandidateUserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  opds: string[];
}

export interface NoteRow {
  id: string;
  mention_id: string;
  author_id: string | null;
  author_name: string | null;
  author_email: string | null;
  text: string;
  mentioned_user_ids: string[];
  created_at: Date;
}

export interface MessageRow {
  id: string;
  seq: string;
  received_at: Date;
  posted_at: Date;
  channel: Channel;
  text: string;
  status: MentionStatus;
  handle: string;
  author_name: string | null;
  follows_up_id: string | null;
  follows_up_ticket: string | null;
}

export interface AuditTimelineRow {
  id: string;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a user may see a mention routed to `opdCodes`, in SQL over alias `u` and its OPDs. */
const USER_MAY_SEE = (opdParam: string) => `(u.role IN ('superadmin', 'supervisor')
  OR (u.role = 'admin' AND (cardinality(${opdParam}::text[]) = 0
      OR EXISTS (SELECT 1 FROM user_opds uo WHERE uo.user_id = u.id AND uo.opd_code = ANY(${opdParam}::text[])))))`;

const MESSAGE_COLUMNS = `m.id, m.seq, m.received_at, m.posted_at, m.channel, m.text, m.status, a.handle, a.name AS author_name,
  m.follows_up_id, m.follows_up_ticket`;

const USER_COLUMNS = `u.id, u.name, u.email, u.role,
  COALESCE((SELECT array_agg(uo.opd_code ORDER BY uo.opd_code) FROM user_opds uo WHERE uo.user_id = u.id), '{}') AS opds`;

@Injectable()
export class CollabRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The mention if the scope may see it (any malformed id is simply not found). */
  async findMention(id: string, scope: MentionScope, tx: EntityManager = this.db.manager): Promise<ScopedMentionRow | null> {
    if (!UUID.test(id)) return null;
    const params: unknown[] = [id];
    const rows: ScopedMentionRow[] = await tx.query(
      `SELECT m.id, m.opd_codes, m.author_id, m.posted_at, m.follows_up_id FROM mentions m WHERE m.id = $1 AND ${mentionScopeSql(scope, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Active users whose e-mail local part is one of the handles. */
  async usersByHandle(tx: EntityManager, handles: string[]): Promise<CandidateUserRow[]> {
    if (handles.length === 0) return [];
    return tx.query(
      `SELECT ${USER_COLUMNS} FROM users u
        WHERE NOT u.disabled AND lower(split_part(u.email, '@', 1)) = ANY($1::text[])`,
      [handles],
    );
  }

  /** Active users who may see a mention routed to `opdCodes`, whose name or handle starts with `prefix`. */
  async mentionable(opdCodes: string[], prefix: string, exceptUserId: string, limit: number): Promise<CandidateUserRow[]> {
    const like = `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db.query(
      `SELECT ${USER_COLUMNS} FROM users u
        WHERE NOT u.disabled AND u.id <> $3 AND ${USER_MAY_SEE('$1')}
          AND (lower(u.name) LIKE $2 OR lower(u.email) LIKE $2 OR lower(u.name) LIKE '% ' || $2)
        ORDER BY lower(u.name), u.id
        LIMIT $4`,
      [opdCodes, like, exceptUserId, limit],
    );
  }

  async insertNote(tx: EntityManager, note: { mentionId: string; authorId: string; text: string; mentionedUserIds: string[] }): Promise<NoteRow> {
    const rows: NoteRow[] = await tx.query(
      `WITH n AS (
         INSERT INTO mention_notes (mention_id, author_id, text, mentioned_user_ids) VALUES ($1, $2, $3, $4::uuid[]) RETURNING *)
       SELECT n.*, a.name AS author_name, a.email AS author_email FROM n LEFT JOIN users a ON a.id = n.author_id`,
      [note.mentionId, note.authorId, note.text, note.mentionedUserIds],
    );
    return rows[0];
  }

  async notesOf(mentionId: string): Promise<NoteRow[]> {
    return this.db.query(
      `SELECT n.*, a.name AS author_name, a.email AS author_email
         FROM mention_notes n LEFT JOIN users a ON a.id = n.author_id
        WHERE n.mention_id = $1 ORDER BY n.created_at, n.id`,
      [mentionId],
    );
  }

  /** Names and e-mail addresses of users, for showing whom notes @mentioned. */
  async usersById(ids: string[]): Promise<CandidateUserRow[]> {
    if (ids.length === 0) return [];
    return this.db.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[])`, [ids]);
  }

  /** The citizen's messages within `days` of `around`, that the scope may see. */
  async messagesOfAuthor(authorId: string, around: Date, days: number, scope: MentionScope, limit: number): Promise<MessageRow[]> {
    const params: unknown[] = [authorId, around, `${days} days`, limit];
    const inScope = mentionScopeSql(scope, params);
    return this.db.query(
      `SELECT ${MESSAGE_COLUMNS}
         FROM mentions m JOIN authors a ON a.id = m.author_id
        WHERE m.author_id = $1 AND m.posted_at BETWEEN $2::timestamptz - $3::interval AND $2::timestamptz + $3::interval AND ${inScope}
        ORDER BY m.posted_at, m.seq
        LIMIT $4`,
      params,
    );
  }

  /**
   * The mention's ticket thread, within the scope: the ticket it follows up (`followsUpId`), that
   * ticket's other follow-ups, and its own follow-ups; the mention itself left out.
   */
  async ticketThread(mentionId: string, followsUpId: string | null, scope: MentionScope, limit: number): Promise<MessageRow[]> {
    const params: unknown[] = [mentionId, followsUpId, limit];
    const inScope = mentionScopeSql(scope, params);
    return this.db.query(
      `SELECT ${MESSAGE_COLUMNS}
         FROM mentions m JOIN authors a ON a.id = m.author_id
        WHERE (m.id = $2::uuid OR m.follows_up_id = $2::uuid OR m.follows_up_id = $1::uuid) AND m.id <> $1::uuid AND ${inScope}
        ORDER BY m.posted_at, m.seq
        LIMIT $3`,
      params,
    );
  }

  async auditOfMention(mentionId: string, hiddenActions: readonly string[]): Promise<AuditTimelineRow[]> {
    return this.db.query(
      `SELECT l.id, l.at, l.action, l.actor_id, u.name AS actor_name, l.before, l.after
         FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
        WHERE l.entity_type = 'mention' AND l.entity_id = $1 AND NOT (l.action = ANY($2::text[]))
        ORDER BY l.at, l.id`,
      [mentionId, [...hiddenActions]],
    );
  }

  async notificationsOf(userId: string, options: { unreadOnly: boolean; before: number | null; limit: number }): Promise<NotificationRow[]> {
    return this.db.query(
      `SELECT n.*, a.name AS actor_name FROM notifications n LEFT JOIN users a ON a.id = n.actor_id
        WHERE n.user_id = $1 AND ($2::boolean = false OR n.read_at IS NULL) AND ($3::bigint IS NULL OR n.id < $3::bigint)
        ORDER BY n.id DESC
        LIMIT $4`,
      [userId, options.unreadOnly, options.before, options.limit],
    );
  }

  async unreadCount(userId: string, tx: EntityManager = this.db.manager): Promise<number> {
    const rows: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return rows[0]?.n ?? 0;
  }

  /** Marks the user's own unread notifications read (`ids` null: all of them); returns the ids changed. */
  async markRead(tx: EntityManager, userId: string, ids: number[] | null): Promise<number[]> {
    const rows: { id: string }[] = await tx.query(
      `WITH changed AS (
         UPDATE notifications SET read_at = now()
          WHERE user_id = $1 AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
          RETURNING id)
       SELECT id FROM changed`,
      [userId, ids],
    );
    return rows.map((row) => Number(row.id));
  }
}
