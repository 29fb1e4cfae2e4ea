import { Inject, Injectable, Logger } from '@nestjs/common';
import { OUTBOX_SIGNATURE_HEADER, ticketNumberOf, type OutboxDelivery } from '@sigap/contracts';
import { AuditService } from '@sigap/server/audit';
import { DeskService, type DeskRow } from '@sigap/server/desk';
import { SIGAP_CONFIG, type SigapConfig } from '@sigap/server/core';
import { createHmac } from 'node:crypto';
import { MentionFlow, recordReplyStep } from './mention-flow';
import { RepliesRepository, type ReplyRow } from './replies.repository';
import { ReplyAnnouncer } from './reply-announcer';
import { SYSTEM_ACTOR } from './reply-origin';

export const NO_WEBHOOK = 'no outbox webhook configured';

/** How one delivery attempt ended. */
export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

export class DeliveryError extends Error {}

/** `sha256=<hex>`: the HMAC-SHA256 of the exact body sent, keyed with the outbox secret. */
export const outboxSignature = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Delivers one queued reply to the outbox webhook (until the platform publishers exist). A 2xx
 * marks it sent and the mention answered; anything else is an attempt that failed, retried by the
 * queue with backoff; after the last one the reply is `gagal`. Nothing pretends to be sent: with
 * no webhook configured the reply fails at once with that reason.
 */
@Injectable()
export class OutboxDeliveryService {
  private readonly logger = new Logger(OutboxDeliveryService.name);

  constructor(
    private readonly repository: RepliesRepository,
    private readonly flow: MentionFlow,
    private readonly audit: AuditService,
    private readonly desk: DeskService,
    private readonly announcer: ReplyAnnouncer,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  /** Throws `DeliveryError` when the queue should try again. */
  async deliver(replyId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const reply = await this.repository.findReply(this.repository.manager, replyId);
    // Approved again, returned, already sent or retried under a new job: this job has nothing to do.
    if (!reply || reply.status !== 'antri') return 'skipped';
    const url = this.config.replies.outboxWebhookUrl;
    if (!url) {
      await this.fail(reply, NO_WEBHOOK, true);
      return 'failed';
    }
    let externalUrl: string | null;
    try {
      externalUrl = await this.post(url, await this.deliveryOf(reply));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await this.fail(reply, reason, lastAttempt);
      throw new DeliveryError(reason);
    }
    await this.sent(reply, externalUrl);
    return 'sent';
  }

  private async deliveryOf(reply: ReplyRow): Promise<OutboxDelivery> {
    const mention = (await this.repository.findMention(this.repository.manager, reply.mention_id, { kind: 'all' }))!;
    return {
      replyId: reply.id,
      mentionId: reply.mention_id,
      channel: mention.channel,
      externalId: mention.external_id,
      inReplyTo: mention.in_reply_to,
      text: reply.text,
      ticketNumber: ticketNumberOf(Number(mention.seq), mention.received_at),
    };
  }

  /** POSTs the delivery; resolves with the link to the published answer when the webhook gives one. */
  private async post(url: string, delivery: OutboxDelivery): Promise<string | null> {
    const body = JSON.stringify(delivery);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': delivery.replyId };
    if (this.config.replies.outboxSecret) headers[OUTBOX_SIGNATURE_HEADER] = outboxSignature(this.config.replies.outboxSecret, body);
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.config.replies.outboxTimeoutMs) });
    } catch (err) {
      const cause = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${this.config.replies.outboxTimeoutMs} ms` : String(err);
      throw new DeliveryError(`webhook unreachable: ${cause}`);
    }
    const answer = await response.text().catch(() => '');
    if (!response.ok) throw new DeliveryError(`webhook answered ${response.status}${answer ? `: ${answer.slice(0, 200)}` : ''}`);
    try {
      const parsed = JSON.parse(answer) as { externalUrl?: unknown };
      return typeof parsed.externalUrl === 'string' && /^https?:\/\//.test(parsed.externalUrl) ? parsed.externalUrl.slice(0, 2048) : null;
    } catch {
      return null;
    }
  }

  private async sent(reply: ReplyRow, externalUrl: string | null): Promise<void> {
    const changed: DeskRow[] = [];
    const updated = await this.repository.transaction(async (tx) => {
      const current = await this.repository.findReply(tx, reply.id, true);
      if (!current || current.status !== 'antri') return null;
      const row = await this.repository.updateReply(tx, reply.id, { status: 'terkirim', sent: true, countAttempt: true, lastError: null, externalUrl });
      await this.flow.replied(tx, row, changed);
      await recordReplyStep(this.audit, tx, SYSTEM_ACTOR, 'reply.sent', row, { attempts: row.attempts, externalUrl });
      return row;
    });
    if (!updated) return;
    for (const row of changed) await this.desk.announce(row);
    await this.announcer.announce(updated);
  }

  private async fail(reply: ReplyRow, reason: string, final: boolean): Promise<void> {
    const changed: DeskRow[] = [];
    const lastError = reason.slice(0, 1000);
    const updated = await this.repository.transaction(async (tx) => {
      const current = await this.repository.findReply(tx, reply.id, true);
      if (!current || current.status !== 'antri') return null;
      if (!final) return this.repository.updateReply(tx, reply.id, { countAttempt: true, lastError });
      const row = await this.repository.updateReply(tx, reply.id, { status: 'gagal', countAttempt: true, lastError });
      await this.flow.backToHandling(tx, row, changed);
      await recordReplyStep(this.audit, tx, SYSTEM_ACTOR, 'reply.failed', row, { attempts: row.attempts, error: lastError });
      return row;
    });
    if (!updated) return;
    if (final) this.logger.warn({ replyId: reply.id, reason }, 'reply delivery failed for good');
    for (const row of changed) await this.desk.announce(row);
    await this.announcer.announce(updated);
  }
}
