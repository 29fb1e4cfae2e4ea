import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES, type IngestJobData, type IngestJobResult } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Worker, type Job } from 'bullmq';
import { MentionPipelineService } from './mention-pipeline.service';

/**
 * Consumes the ingest queue. Many jobs run at once so their rows share one INSERT; a job only
 * completes after all its rows are committed, so a worker that dies mid-batch leaves its jobs to
 * be picked up again (stalled-job recovery) and the unique key drops any second write.
 */
@Injectable()
export class IngestWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestWorker.name);
  private worker: Worker<IngestJobData, IngestJobResult> | null = null;

  constructor(
    private readonly pipeline: MentionPipelineService,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Jobs taken before the open clusters are back would start duplicate clusters.
    await this.pipeline.warmUp();
    const { concurrency, jobLockMs } = this.config.pipeline;
    this.worker = new Worker<IngestJobData, IngestJobResult>(
      QUEUES.ingest,
      (job: Job<IngestJobData>) => this.pipeline.processJob(job.data),
      {
        connection: redisOptionsFromUrl(this.config.redisUrl),
        prefix: `${this.config.redisPrefix}:bull`,
        concurrency,
        lockDuration: jobLockMs,
        stalledInterval: Math.max(1000, Math.floor(jobLockMs / 2)),
        maxStalledCount: 3,
      },
    );
    this.worker.on('failed', (job, err) =>
      this.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'ingest job failed'),
    );
    this.worker.on('error', (err) => this.logger.error({ err }, 'ingest worker error'));
    this.logger.log({ concurrency, jobLockMs }, 'ingest worker started');
  }

  /** Finishes the jobs in hand (their batch is written) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    this.logger.log('closing ingest worker: finishing jobs in flight');
    const closing = this.worker.close();
    // Write what is held now instead of waiting out the batch window.
    await this.pipeline.drain();
    await closing;
    await this.pipeline.drain();
    this.worker = null;
  }
}
