import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MentionFollowUpLink, TicketRef } from '@sigap/contracts';
import { mentionScopeSql, type MentionScope } from '@sigap/server/auth';
import { DataSource, type EntityManager } from 'typeorm';

// Links are changed one at a time, so two links made at once cannot close a cycle between them.
const FOLLOW_UP_LOCK = 7_204_377;

/** Longest chain of follow-ups walked when looking for a cycle (a real thread is a handful). */
const MAX_CHAIN = 10_000;

/** The ticket links of mentions (`follows_up_id`, `follows_up_ticket`). */
@Injectable()
export class FollowUpRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A transaction holding the follow-up lock. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [FOLLOW_UP_LOCK]);
      return work(tx);
    });
  }

  /** The link stored with the mention, or null. */
  async linkOf(tx: EntityManager, mentionId: string): Promise<MentionFollowUpLink | null> {
    const [row]: { follows_up_id: string | null; follows_up_ticket: string | null }[] = await tx.query(
      `SELECT follows_up_id, follows_up_ticket FROM mentions WHERE id = $1`,
      [mentionId],
    );
    return row?.follows_up_id && row.follows_up_ticket ? { mentionId: row.follows_up_id, ticketNumber: row.follows_up_ticket } : null;
  }

  /** The id of the mention a ticket number names, if the scope may see it. */
  async findTicket(tx: EntityManager, ticket: TicketRef, scope: MentionScope): Promise<string | null> {
    const params: unknown[] = [ticket.seq, ticket.year];
    const [row]: { id: string }[] = await tx.query(
      `SELECT m.id FROM mentions m
        WHERE m.seq = $1 AND extract(year FROM m.received_at AT TIME ZONE 'UTC')::int = $2 AND ${mentionScopeSql(scope, params)}`,
      params,
    );
    return row?.id ?? null;
  }

  /** Whether `mentionId` is reached by walking up the follow-up chain from `fromId` (itself included). */
  async chainReaches(tx: EntityManager, fromId: string, mentionId: string): Promise<boolean> {
    const [row]: { found: boolean }[] = await tx.query(
      `WITH RECURSIVE up(id, next, depth) AS (
         SELECT id, follows_up_id, 1 FROM mentions WHERE id = $1
         UNION ALL
         SELECT m.id, m.follows_up_id, up.depth + 1 FROM mentions m JOIN up ON m.id = up.next WHERE up.depth < $3
       )
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS found`,
      [fromId, mentionId, MAX_CHAIN],
    );
    return row?.found === true;
  }

  async setLink(tx: EntityManager, mentionId: string, link: MentionFollowUpLink | null): Promise<void> {
    await tx.query(`UPDATE mentions SET follows_up_id = $2, follows_up_ticket = $3, desk_activity_at = now() WHERE id = $1`, [
      mentionId,
      link?.mentionId ?? null,
      link?.ticketNumber ?? null,
    ]);
  }
}
