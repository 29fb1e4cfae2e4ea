import { Injectable, Logger } from '@nestjs/common';
import { ticketNumberOf, type ApprovalItem, type MentionStatus, type NotificationView, type ReplyStatus, type ReplyView } from '@sigap/contracts';
import { AuditService } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { DeskRepository, DeskService, type DeskRow, type RequestOrigin } from '@sigap/server/desk';
import { SigapErrorCode, SigapException, validationFailed } from '@sigap/server/core';
import { NotificationsService } from '@sigap/server/notifications';
import type { EntityManager } from 'typeorm';
import { MentionFlow, recordReplyStep } from './mention-flow';
import { RepliesOutboxQueue } from './replies-outbox.queue';
import { RepliesRepository, type ReplyRow } from './replies.repository';
import { ReplyAnnouncer } from './reply-announcer';
import { UUID, actorOf, deskScopeOf, notFound } from './reply-origin';
import { ReplyTextService } from './reply-text.service';
import { mapReply } from './reply.mapper';
import type { ApprovalDecisionDto, CreateReplyDto } from './reply.dto';

const APPROVAL_QUEUE_LIMIT = 500;
/** Replies of a bulk action told and queued at once after their commit. */
const SETTLE_CONCURRENCY = 20;

/** What a committed change still has to tell: live dashboards, notified users, the outbox. */
export interface ReplyAftermath {
  reply: ReplyRow;
  mentions: DeskRow[];
  notifications: NotificationView[];
  enqueue: boolean;
}

/**
 * Replies to mentions, scoped like reading (404 outside an admin's OPDs). Replying claims an
 * unclaimed mention and is refused (409) on one someone else holds. Replies to critical mentions
 * and by trainees wait for a supervisor other than their author; the others go to the outbox.
 */
@Injectable()
export class RepliesService {
  private readonly logger = new Logger(RepliesService.name);

  constructor(
    private readonly repository: RepliesRepository,
    private readonly desk: DeskRepository,
    private readonly deskService: DeskService,
    private readonly flow: MentionFlow,
    private readonly texts: ReplyTextService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly announcer: ReplyAnnouncer,
    private readonly outbox: RepliesOutboxQueue,
  ) {}

  async list(user: AuthenticatedUser, mentionId: string): Promise<ReplyView[]> {
    const scope = deskScopeOf(user);
    if (!UUID.test(mentionId) || !(await this.repository.findMention(this.repository.manager, mentionId, scope))) throw notFound('mention');
    return (await this.repository.findRepliesOfMention(mentionId)).map(mapReply);
  }

  async create(user: AuthenticatedUser, mentionId: string, dto: CreateReplyDto, origin: RequestOrigin): Promise<ReplyView> {
    const result = await this.repository.transaction((tx) => this.createWithin(tx, user, mentionId, dto, origin));
    return this.finish(result);
  }

  /**
   * One reply inside the caller's transaction (bulk replies run many in one, a savepoint each);
   * after the commit, `settle` tells what it changed. Throws what `POST /mentions/:id/replies` answers.
   */
  async createWithin(tx: EntityManager, user: AuthenticatedUser, mentionId: string, dto: CreateReplyDto, origin: RequestOrigin): Promise<ReplyAftermath> {
    const scope = deskScopeOf(user);
    const mode = this.modeOf(dto);
    if (!UUID.test(mentionId)) throw notFound('mention');
    const actor = actorOf(user, origin);
    let held = await this.desk.find(tx, mentionId, scope, true);
    if (!held) throw notFound('mention');
    const mentions: DeskRow[] = [];
    held = await this.flow.claimFor(tx, user, actor, held, mentions);
    const mention = (await this.repository.findMention(tx, mentionId, scope))!;

    let text: string;
    let templateId: string | null = null;
    if (mode === 'direct') {
      text = dto.text?.trim() || 'Dibalas langsung di platform.';
    } else if (mode === 'template') {
      const template = await this.repository.findTemplate(tx, dto.templateId!, scope);
      if (!template || template.archived) throw validationFailed([{ field: 'templateId', message: 'no such template' }]);
      if (!this.applies(template, mention)) throw validationFailed([{ field: 'templateId', message: 'not applicable to this mention' }]);
      text = this.texts.sendable(await this.texts.compose(tx, user, mention, { template, variables: dto.variables }));
      templateId = template.id;
      await this.repository.countTemplateUse(tx, template.id);
    } else {
      text = this.texts.sendable(await this.texts.compose(tx, user, mention, { text: dto.text ?? '', variables: dto.variables }));
    }

    const needsApproval = mode !== 'direct' && (mention.urgency === 'critical' || (await this.repository.isTrainee(tx, user.id)));
    const status: ReplyStatus = mode === 'direct' ? 'terkirim' : needsApproval ? 'menunggu_persetujuan' : 'antri';
    const reply = await this.repository.insertReply(tx, {
      mentionId,
      authorId: user.id,
      text,
      templateId,
      status,
      direct: mode === 'direct',
      externalUrl: mode === 'direct' ? (dto.link ?? null) : null,
    });
    const target: MentionStatus | null = status === 'terkirim' ? 'dibalas' : status === 'menunggu_persetujuan' ? 'menunggu_persetujuan' : null;
    if (target) held = await this.flow.move(tx, held, target, mentions);
    await recordReplyStep(this.audit, tx, actor, 'reply.create', reply, { direct: reply.direct, templateId, externalUrl: reply.external_url, mentionStatus: held.status });

    const notifications =
      status === 'menunggu_persetujuan'
        ? await this.notifications.create(
            {
              userIds: await this.repository.approverIds(tx, user.id),
              kind: 'approval_requested',
              mentionId,
              actorId: user.id,
              payload: { replyId: reply.id, excerpt: text.slice(0, 140), urgency: mention.urgency },
            },
            tx,
          )
        : [];
    return { reply, mentions, notifications, enqueue: status === 'antri' };
  }

  /** After the commit of replies made with `createWithin`: live updates, notifications, the outbox. */
  async settle(results: ReplyAftermath[]): Promise<void> {
    // Each reply's own steps stay in order; different mentions' announcements need not wait for each other.
    for (let start = 0; start < results.length; start += SETTLE_CONCURRENCY) {
      await Promise.all(results.slice(start, start + SETTLE_CONCURRENCY).map((result) => this.finish(result)));
    }
  }

  /** A 400 up front when the template cannot be used by this user at all (archived, unknown, out of scope). */
  async checkTemplate(user: AuthenticatedUser, templateId: string, field = 'templateId'): Promise<void> {
    const template = await this.repository.findTemplate(this.repository.manager, templateId, deskScopeOf(user));
    if (!template || template.archived) throw validationFailed([{ field, message: 'no such template' }]);
  }

  async approvals(): Promise<ApprovalItem[]> {
    const rows = await this.repository.findWaiting(APPROVAL_QUEUE_LIMIT);
    return rows.map((row) => ({
      reply: mapReply(row),
      mention: {
        id: row.mention.id,
        urgency: row.mention.urgency,
        status: row.mention.status,
        channel: row.mention.channel,
        excerpt: row.mention.text,
        ticketNumber: ticketNumberOf(Number(row.mention.seq), row.mention.received_at),
        authorHandle: row.mention.author_handle,
        opdCodes: row.mention.opd_codes,
      },
    }));
  }

  /** Approve (optionally with edited text) or return with a comment; never one's own reply. */
  async decide(user: AuthenticatedUser, replyId: string, dto: ApprovalDecisionDto, origin: RequestOrigin): Promise<ReplyView> {
    const comment = dto.comment?.trim() || null;
    if (dto.decision === 'return' && !comment) throw validationFailed([{ field: 'comment', message: 'required when returning a reply' }]);
    if (dto.decision === 'return' && dto.text !== undefined) throw validationFailed([{ field: 'text', message: 'only with approve' }]);
    if (!UUID.test(replyId)) throw notFound('reply');
    const actor = actorOf(user, origin);
    const result = await this.repository.transaction(async (tx): Promise<ReplyAftermath> => {
      const current = await this.repository.findReply(tx, replyId, true);
      if (!current) throw notFound('reply');
      if (current.author_id === user.id) throw new SigapException(SigapErrorCode.FORBIDDEN, 'a reply cannot be approved by its own author');
      if (current.status !== 'menunggu_persetujuan') {
        throw new SigapException(SigapErrorCode.CONFLICT, `this reply is "${current.status}", not waiting for approval`, { status: current.status });
      }
      const mentions: DeskRow[] = [];
      let reply: ReplyRow;
      if (dto.decision === 'approve') {
        let text = current.text;
        if (dto.text !== undefined) {
          const mention = (await this.repository.findMention(tx, current.mention_id, { kind: 'all' }))!;
          text = this.texts.sendable(await this.texts.compose(tx, user, mention, { text: dto.text }));
        }
        reply = await this.repository.updateReply(tx, replyId, { status: 'antri', text, reviewedBy: user.id, reviewComment: comment });
        await recordReplyStep(this.audit, tx, actor, 'reply.approve', reply, { edited: text !== current.text, comment });
      } else {
        reply = await this.repository.updateReply(tx, replyId, { status: 'dikembalikan', reviewedBy: user.id, reviewComment: comment });
        await this.flow.backToHandling(tx, reply, mentions);
        await recordReplyStep(this.audit, tx, actor, 'reply.return', reply, { comment });
      }
      const notifications = current.author_id
        ? await this.notifications.create(
            {
              userIds: [current.author_id],
              kind: 'reply_reviewed',
              mentionId: current.mention_id,
              actorId: user.id,
              payload: { replyId, decision: dto.decision, comment, edited: reply.text !== current.text },
            },
            tx,
          )
        : [];
      return { reply, mentions, notifications, enqueue: dto.decision === 'approve' };
    });
    return this.finish(result);
  }

  /** Queues a failed reply once more. */
  async retry(user: AuthenticatedUser, replyId: string, origin: RequestOrigin): Promise<ReplyView> {
    const scope = deskScopeOf(user);
    if (!UUID.test(replyId)) throw notFound('reply');
    const result = await this.repository.transaction(async (tx): Promise<ReplyAftermath> => {
      const current = await this.repository.findReply(tx, replyId, true);
      if (!current || !(await this.repository.findMention(tx, current.mention_id, scope))) throw notFound('reply');
      if (current.status !== 'gagal') {
        throw new SigapException(SigapErrorCode.CONFLICT, `only a failed reply can be retried; this one is "${current.status}"`, { status: current.status });
      }
      const reply = await this.repository.updateReply(tx, replyId, { status: 'antri', lastError: null });
      await recordReplyStep(this.audit, tx, actorOf(user, origin), 'reply.retry', reply);
      return { reply, mentions: [], notifications: [], enqueue: true };
    });
    return this.finish(result, true);
  }

  private applies(template: { scope: string; opd_code: string | null; incident_id: string | null }, mention: { opd_codes: string[]; cluster_id: string | null }): boolean {
    switch (template.scope) {
      case 'opd':
        return template.opd_code !== null && mention.opd_codes.includes(template.opd_code);
      case 'incident':
        return template.incident_id === mention.cluster_id && (template.opd_code === null || mention.opd_codes.includes(template.opd_code));
      default:
        return true;
    }
  }

  private modeOf(dto: CreateReplyDto): 'direct' | 'template' | 'text' {
    if (dto.direct) {
      if (!dto.link) throw validationFailed([{ field: 'link', message: 'required with direct: the link to the answer on the platform' }]);
      if (dto.templateId) throw validationFailed([{ field: 'templateId', message: 'not allowed with direct' }]);
      return 'direct';
    }
    if (dto.link !== undefined) throw validationFailed([{ field: 'link', message: 'only with direct' }]);
    if (dto.templateId) {
      if (dto.text !== undefined) throw validationFailed([{ field: 'text', message: 'give either text or templateId' }]);
      return 'template';
    }
    if (dto.text === undefined) throw validationFailed([{ field: 'text', message: 'required (or templateId, or direct with link)' }]);
    return 'text';
  }

  private async finish(result: ReplyAftermath, requeue = false): Promise<ReplyView> {
    for (const row of result.mentions) await this.deskService.announce(row);
    await this.notifications.announce(result.notifications);
    if (result.enqueue) {
      try {
        if (requeue) await this.outbox.requeue(result.reply.id);
        else await this.outbox.enqueue(result.reply.id);
      } catch (err) {
        // Failed loudly rather than left "queued" with no job behind it; the retry endpoint takes it from there.
        this.logger.error({ err, replyId: result.reply.id }, 'could not queue a reply in the outbox');
        const failed = await this.repository.updateReply(this.repository.manager, result.reply.id, { status: 'gagal', lastError: 'could not be queued in the outbox' });
        return this.announcer.announce(failed);
      }
    }
    return this.announcer.announce(result.reply);
  }
}
