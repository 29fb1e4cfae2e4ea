import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DESK_DISPATCH_QUEUE, deskJobIds, type DeskDispatchJobs } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Queue } from 'bullmq';

/**
 * Schedules the check that releases a claim left idle: a delayed job on the desk's dispatch
 * queue (consumed by the worker's dispatch module), due when the claim may have gone idle.
 */
@Injectable()
export class ClaimIdleScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(ClaimIdleScheduler.name);
  private readonly queue: Queue<DeskDispatchJobs['release-idle']>;

  constructor(@Inject(SIGAP_CONFIG) private readonly config: SigapConfig) {
    this.queue = new Queue(DESK_DISPATCH_QUEUE, {
      connection: redisOptionsFromUrl(config.redisUrl),
      prefix: `${config.redisPrefix}:bull`,
    });
  }

  /**
   * Due `claimIdleSeconds` after `from` (the claim, or the last desk activity), and no sooner than
   * `minDelayMs` from now (a re-check must not reuse the id of the job that is running it).
   */
  async schedule(mentionId: string, userId: string, from: Date, minDelayMs = 0): Promise<void> {
    const dueAt = Math.max(from.getTime() + this.config.desk.claimIdleSeconds * 1000, Date.now() + minDelayMs);
    try {
      await this.queue.add(
        'release-idle',
        { mentionId, userId },
        {
          // The same claim (and the same activity time) collapses into one check.
          jobId: deskJobIds.releaseIdle(mentionId, dueAt),
          delay: Math.max(0, dueAt - Date.now()),
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
    } catch (err) {
      // The claim stands; only its automatic release is lost, and a supervisor can still release it.
      this.logger.warn({ err, mentionId }, 'could not schedule the idle-claim check');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
