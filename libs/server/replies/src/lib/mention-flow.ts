import { Injectable } from '@nestjs/common';
import { canTransition, type MentionStatus } from '@sigap/contracts';
import { AuditService, type AuditActor } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { DeskRepository, deskStateOf, type DeskRow } from '@sigap/server/desk';
import { SigapErrorCode, SigapException } from '@sigap/server/core';
import type { EntityManager } from 'typeorm';
import { RepliesRepository, type ReplyRow } from './replies.repository';

/** The audit row of a reply's step; the conversation timeline reads `after` ({ replyId, status, text }). */
export function recordReplyStep(audit: AuditService, tx: EntityManager, actor: AuditActor, action: string, reply: ReplyRow, extra: Record<string, unknown> = {}) {
  return audit.record(
    { actor, action, entityType: 'mention', entityId: reply.mention_id, after: { replyId: reply.id, status: reply.status, text: reply.text, ...extra } },
    tx,
  );
}

/**
 * How replies move their mention on the desk, with the desk's own SQL. Each method appends the
 * mention rows it changed to `changed`, for announcing after the commit.
 */
@Injectable()
export class MentionFlow {
  constructor(
    private readonly desk: DeskRepository,
    private readonly repository: RepliesRepository,
    private readonly audit: AuditService,
  ) {}

  /** A mention of the user (or nobody) to reply to: nobody's is claimed first, someone else's refused with its holder. */
  async claimFor(tx: EntityManager, user: AuthenticatedUser, actor: AuditActor, held: DeskRow, changed: DeskRow[]): Promise<DeskRow> {
    if (held.claimed_by === user.id) return held;
    const holder = held.claimed_by ? { id: held.claimed_by, name: held.claimed_by_name ?? '' } : null;
    const claimed = holder ? null : await this.desk.claim(tx, held.id, user.id);
    if (!claimed) throw new SigapException(SigapErrorCode.CONFLICT, 'someone else holds this mention', { holder });
    const { id: _before, ...before } = deskStateOf(held);
    const { id: _after, ...after } = deskStateOf(claimed);
    await this.audit.record({ actor, action: 'mention.claim', entityType: 'mention', entityId: held.id, before, after: { ...after, viaReply: true } }, tx);
    changed.push(claimed);
    return claimed;
  }

  /** Along the workflow when it allows it; a mention moved elsewhere meanwhile (e.g. resolved) keeps its status. */
  async move(tx: EntityManager, row: DeskRow, to: MentionStatus, changed: DeskRow[]): Promise<DeskRow> {
    if (row.status === to || !canTransition(row.status, to)) return row;
    const moved = await this.desk.setStatus(tx, row.id, to);
    changed.push(moved);
    return moved;
  }

  /** The reply was delivered: its mention is answered. */
  async replied(tx: EntityManager, reply: ReplyRow, changed: DeskRow[]): Promise<void> {
    const row = await this.desk.find(tx, reply.mention_id, { kind: 'all' }, true);
    if (row) await this.move(tx, row, 'dibalas', changed);
  }

  /** A returned or failed reply hands the mention back to its handler, unless another reply still waits for approval. */
  async backToHandling(tx: EntityManager, reply: ReplyRow, changed: DeskRow[]): Promise<void> {
    const row = await this.desk.find(tx, reply.mention_id, { kind: 'all' }, true);
    if (!row || row.status !== 'menunggu_persetujuan') return;
    if ((await this.repository.otherWaitingReplies(tx, reply.mention_id, reply.id)) > 0) return;
    await this.move(tx, row, 'ditangani', changed);
  }
}
