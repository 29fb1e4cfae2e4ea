import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { MODEL_TRAINING_QUEUE, type ModelTrainingJobData } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Queue } from 'bullmq';

export const TRAINING_SCHEDULER_ID = 'triage-model-retrain';
/** How often the worker retrains on its own. */
export const TRAINING_EVERY_MS = 6 * 3600_000;

/** The producer side of the training queue (API and worker). */
@Injectable()
export class ModelTrainingQueue implements OnApplicationShutdown {
  readonly queue: Queue<ModelTrainingJobData>;

  constructor(@Inject(SIGAP_CONFIG) config: SigapConfig) {
    this.queue = new Queue<ModelTrainingJobData>(MODEL_TRAINING_QUEUE, {
      connection: redisOptionsFromUrl(config.redisUrl),
      prefix: `${config.redisPrefix}:bull`,
    });
  }

  /** Queues a run, unless one is already waiting to start: a second request collapses into it. */
  async requestTraining(requestedBy: string): Promise<string> {
    const [waiting] = await this.queue.getWaiting(0, 0);
    if (waiting?.id) return waiting.id;
    const job = await this.queue.add(
      'train',
      { trigger: 'manual', requestedBy },
      { jobId: `manual-${Date.now()}`, removeOnComplete: { count: 50 }, removeOnFail: { count: 50 }, attempts: 1 },
    );
    return job.id ?? '';
  }

  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      TRAINING_SCHEDULER_ID,
      { every: TRAINING_EVERY_MS, startDate: new Date(Date.now() + TRAINING_EVERY_MS) },
      { name: 'train', data: { trigger: 'schedule' }, opts: { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 }, attempts: 1 } },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
