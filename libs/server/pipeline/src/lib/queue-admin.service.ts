import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ADMIN_QUEUES, QUEUES, REPLIES_OUTBOX_QUEUE, type FailedJobView, type QueueCounts, type ReplyOutboxJobData } from '@sigap/contracts';
import type { AuthenticatedUser } from '@sigap/server/auth';
import type { RequestOrigin } from '@sigap/server/desk';
import { RepliesService } from '@sigap/server/replies';
import { SIGAP_CONFIG, SigapErrorCode, SigapException, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Queue } from 'bullmq';
import { visibleJobData } from './visible-job-data';

/** Lets an admin see queue depth and failed jobs, and send failed jobs back for another try. */
@Injectable()
export class QueueAdminService implements OnApplicationShutdown {
  private readonly queues: Map<string, Queue>;
  /** The handles this service opened itself (the ingest queue belongs to the BullMQ module). */
  private readonly ownQueues: Queue[];

  constructor(
    @InjectQueue(QUEUES.ingest) ingest: Queue,
    @Inject(SIGAP_CONFIG) config: SigapConfig,
    private readonly replies: RepliesService,
  ) {
    this.ownQueues = ADMIN_QUEUES.filter((name) => name !== QUEUES.ingest).map(
      (name) => new Queue(name, { connection: redisOptionsFromUrl(config.redisUrl), prefix: `${config.redisPrefix}:bull` }),
    );
    const byName = new Map<string, Queue>([[QUEUES.ingest, ingest], ...this.ownQueues.map((queue) => [queue.name, queue] as const)]);
    this.queues = new Map(ADMIN_QUEUES.map((name) => [name, byName.get(name)!]));
  }

  async counts(): Promise<QueueCounts[]> {
    return Promise.all(
      [...this.queues.entries()].map(async ([name, queue]) => {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
        return {
          name,
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          failed: c.failed ?? 0,
          completed: c.completed ?? 0,
        };
      }),
    );
  }

  async failed(name: string, limit = 100): Promise<FailedJobView[]> {
    const jobs = await this.queue(name).getFailed(0, limit - 1);
    return jobs.map((job) => ({
      id: String(job.id),
      queue: name,
      failedReason: job.failedReason,
      attemptsMade: job.attemptsMade,
      timestamp: new Date(job.finishedOn ?? job.timestamp).toISOString(),
      data: visibleJobData(name, job.data),
    }));
  }

  async retry(name: string, jobId: string, user: AuthenticatedUser, origin: RequestOrigin): Promise<void> {
    const job = await this.queue(name).getJob(jobId);
    if (!job || !(await job.isFailed())) {
      throw new SigapException(SigapErrorCode.NOT_FOUND, `no failed job ${jobId} in ${name}`);
    }
    // By the time its job fails the reply is marked `gagal`, and a re-run job skips anything not
    // `antri`: the reply itself is queued again, as its own retry does (audited, announced live).
    if (name === REPLIES_OUTBOX_QUEUE) {
      await this.replies.retry(user, (job.data as ReplyOutboxJobData).replyId, origin);
      return;
    }
    await job.retry('failed');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.ownQueues.map((queue) => queue.close()));
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new SigapException(SigapErrorCode.NOT_FOUND, `unknown queue ${name}`);
    return queue;
  }
}
