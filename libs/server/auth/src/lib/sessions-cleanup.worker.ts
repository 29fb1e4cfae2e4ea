import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SESSIONS_CLEANUP_QUEUE } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Worker } from 'bullmq';
import { SessionsCleanupQueue } from './sessions-cleanup.queue';
import { SessionsCleanupService } from './sessions-cleanup.service';

/** Keeps the cleanup scheduled and runs it, one job at a time. */
@Injectable()
export class SessionsCleanupWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SessionsCleanupWorker.name);
  private worker: Worker | null = null;

  constructor(
    private readonly cleanup: SessionsCleanupService,
    private readonly cleanupQueue: SessionsCleanupQueue,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.cleanupQueue.schedule();
    this.worker = new Worker(SESSIONS_CLEANUP_QUEUE, async () => ({ deleted: await this.cleanup.run() }), {
      connection: redisOptionsFromUrl(this.config.redisUrl),
      prefix: `${this.config.redisPrefix}:bull`,
      concurrency: 1,
    });
    this.worker.on('failed', (job, err) => this.logger.warn({ jobId: job?.id, err: err.message }, 'sessions cleanup failed'));
    this.worker.on('error', (err) => this.logger.error({ err }, 'sessions cleanup worker error'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }
}
