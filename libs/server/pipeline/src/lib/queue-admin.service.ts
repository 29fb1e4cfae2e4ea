import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { QUEUES, type FailedJobView, type QueueCounts } from '@sigap/contracts';
import { SigapErrorCode, SigapException } from '@sigap/server/core';
import { Queue } from 'bullmq';

/** Lets an admin see queue depth and failed jobs, and send failed jobs back for another try. */
@Injectable()
export class QueueAdminService {
  private readonly queues: Map<string, Queue>;

  constructor(@InjectQueue(QUEUES.ingest) ingest: Queue) {
    this.queues = new Map([[QUEUES.ingest, ingest]]);
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
      data: job.data,
    }));
  }

  async retry(name: string, jobId: string): Promise<void> {
    const job = await this.queue(name).getJob(jobId);
    if (!job || !(await job.isFailed())) {
      throw new SigapException(SigapErrorCode.NOT_FOUND, `no failed job ${jobId} in ${name}`);
    }
    await job.retry('failed');
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new SigapException(SigapErrorCode.NOT_FOUND, `unknown queue ${name}`);
    return queue;
  }
}
