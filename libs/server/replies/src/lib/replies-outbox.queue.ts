import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { REPLIES_OUTBOX_QUEUE, type ReplyOutboxJobData } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Queue } from 'bullmq';

/** The producer side of the outbox: one job per reply, its id the reply's, so a reply is queued once. */
@Injectable()
export class RepliesOutboxQueue implements OnApplicationShutdown {
  readonly queue: Queue<ReplyOutboxJobData>;

  constructor(@Inject(SIGAP_CONFIG) private readonly config: SigapConfig) {
    this.queue = new Queue<ReplyOutboxJobData>(REPLIES_OUTBOX_QUEUE, {
      connection: redisOptionsFromUrl(config.redisUrl),
      prefix: `${config.redisPrefix}:bull`,
    });
  }

  /** Adding a reply already queued (same job id) is a no-op in BullMQ. */
  async enqueue(replyId: string): Promise<void> {
    const { outboxAttempts, outboxBackoffMs } = this.config.replies;
    await this.queue.add(
      'deliver',
      { replyId },
      {
        jobId: replyId,
        attempts: outboxAttempts,
        backoff: { type: 'exponential', delay: outboxBackoffMs },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 14 * 24 * 3600 },
      },
    );
  }

  /** Queues a failed reply again: its finished job (kept under the same id) has to go first. */
  async requeue(replyId: string): Promise<void> {
    const previous = await this.queue.getJob(replyId);
    if (previous) await previous.remove();
    await this.enqueue(replyId);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
