import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { SESSIONS_CLEANUP_QUEUE } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Queue } from 'bullmq';

export const SESSIONS_CLEANUP_SCHEDULER_ID = 'sessions-cleanup';

/** The repeatable cleanup job; registering it again (each worker boot) only updates its schedule. */
@Injectable()
export class SessionsCleanupQueue implements OnApplicationShutdown {
  readonly queue: Queue;

  constructor(@Inject(SIGAP_CONFIG) private readonly config: SigapConfig) {
    this.queue = new Queue(SESSIONS_CLEANUP_QUEUE, {
      connection: redisOptionsFromUrl(config.redisUrl),
      prefix: `${config.redisPrefix}:bull`,
    });
  }

  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SESSIONS_CLEANUP_SCHEDULER_ID,
      { every: this.config.sessions.cleanupEverySeconds * 1000 },
      { name: 'cleanup', data: {}, opts: { removeOnComplete: { count: 20 }, removeOnFail: { count: 20 }, attempts: 1 } },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
