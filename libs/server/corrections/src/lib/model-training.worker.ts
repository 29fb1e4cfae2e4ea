import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MODEL_TRAINING_QUEUE, type ModelTrainingJobData } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Worker } from 'bullmq';
import { ModelTrainingQueue } from './model-training.queue';
import { ModelTrainingService } from './model-training.service';

// Training yields the event loop between epochs, but a lock shorter than a whole run would still
// let a busy host hand the job to a second worker.
const TRAINING_LOCK_MS = 10 * 60_000;

/** Consumes the training queue, one job at a time, apart from the ingest queue; keeps the schedule registered. */
@Injectable()
export class ModelTrainingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ModelTrainingWorker.name);
  private worker: Worker<ModelTrainingJobData> | null = null;

  constructor(
    private readonly training: ModelTrainingService,
    private readonly trainingQueue: ModelTrainingQueue,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.trainingQueue.schedule();
    this.worker = new Worker<ModelTrainingJobData>(
      MODEL_TRAINING_QUEUE,
      async (job) => {
        this.logger.log({ jobId: job.id, trigger: job.data.trigger }, 'training the triage model');
        const view = await this.training.train(job.data.trigger);
        return view ? { version: view.version, status: view.status } : null;
      },
      {
        connection: redisOptionsFromUrl(this.config.redisUrl),
        prefix: `${this.config.redisPrefix}:bull`,
        concurrency: 1,
        lockDuration: TRAINING_LOCK_MS,
      },
    );
    this.worker.on('failed', (job, err) => this.logger.warn({ jobId: job?.id, err: err.message }, 'triage model training failed'));
    this.worker.on('error', (err) => this.logger.error({ err }, 'training worker error'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }
}
