import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { REPLIES_OUTBOX_QUEUE, type ReplyOutboxJobData } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Worker, type Job } from 'bullmq';
import { OutboxDeliveryService } from './outbox-delivery.service';

const CONCURRENCY = 8;

/** Consumes the replies outbox; the delivery itself (and its bookkeeping) lives in the service. */
@Injectable()
export class RepliesOutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RepliesOutboxWorker.name);
  private worker: Worker<ReplyOutboxJobData> | null = null;

  constructor(
    private readonly delivery: OutboxDeliveryService,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<ReplyOutboxJobData>(
      REPLIES_OUTBOX_QUEUE,
      // attemptsMade counts the attempts already failed, so this one is the last when it reaches the limit.
      (job: Job<ReplyOutboxJobData>) => this.delivery.deliver(job.data.replyId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
      {
        connection: redisOptionsFromUrl(this.config.redisUrl),
        prefix: `${this.config.redisPrefix}:bull`,
        concurrency: CONCURRENCY,
        // Longer than one webhook call may take, so a slow answer never hands the job to a second worker.
        lockDuration: Math.max(30_000, this.config.replies.outboxTimeoutMs * 3),
      },
    );
    this.worker.on('failed', (job, err) => this.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'reply delivery attempt failed'));
    this.worker.on('error', (err) => this.logger.error({ err }, 'replies outbox worker error'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }
}
