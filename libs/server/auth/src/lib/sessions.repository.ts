import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  expires_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

/** How often `last_seen_at` is written at most, so every request does not update a row. */
const TOUCH_EVERY_SECONDS = 60;

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(
    session: { userId: string; ttlSeconds: number; ip: string | null; userAgent: string | null },
    manager?: EntityManager,
  ): Promise<SessionRow> {
    const [row] = await (manager ?? this.db.manager).query(
      `INSERT INTO sessions (user_id, expires_at, ip, user_agent)
       VALUES ($1, now() + make_interval(secs => $2), $3, $4)
       RETURNING *`,
      [session.userId, session.ttlSeconds, session.ip, session.userAgent],
    );
    return row;
  }

  /** The session if it is neither revoked nor expired. */
  async findActive(id: string): Promise<SessionRow | null> {
    const [row] = await this.db.query(
      `SELECT * FROM sessions WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [id],
    );
    return row ?? null;
  }

  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET last_seen_at = now()
        WHERE id = $1 AND last_seen_at < now() - make_interval(secs => $2)`,
      [id, TOUCH_EVERY_SECONDS],
    );
  }

  /** Revokes one session of a user; false when it was already revoked or is not theirs. */
  async revoke(id: string, userId: string, manager: EntityManager): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    const rows: unknown[] = await manager.query(
      `WITH revoked AS (UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM revoked`,
      [id, userId],
    );
    return rows.length > 0;
  }

  /** Revokes every still-open session of a user and returns their ids. */
  async revokeAllOf(userId: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH revoked AS (
         UPDATE sessions SET revoked_at = now()
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING id)
       SELECT id FROM revoked`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  listOf(userId: string, limit: number): Promise<SessionRow[]> {
    return this.db.query(`SELECT * FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`, [userId, limit]);
  }

  /**
   * Deletes at most `limit` sessions that ended (expired or were revoked) before `endedBefore`,
   * oldest first; the count deleted. Small batches keep each statement's locks short.
   */
  async deleteEndedBefore(endedBefore: Date, limit: number): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `WITH doomed AS (
         SELECT id FROM sessions WHERE LEAST(expires_at, revoked_at) < $1
          ORDER BY LEAST(expires_at, revoked_at) LIMIT $2 FOR UPDATE SKIP LOCKED),
       deleted AS (DELETE FROM sessions WHERE id IN (SELECT id FROM doomed) RETURNING id)
       SELECT id FROM deleted`,
      [endedBefore, limit],
    );
    return rows.length;
  }
}
