import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';

/** The BullMQ connection and the queues, for producers (API) and consumers (worker) alike. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [SIGAP_CONFIG],
      useFactory: (config: SigapConfig) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: `${config.redisPrefix}:bull`,
        defaultJobOptions: {
          attempts: config.pipeline.jobAttempts,
          backoff: { type: 'exponential', delay: 500 },
          removeOnComplete: { age: 3600, count: 10_000 },
          // Failed jobs stay in the failed set until an admin retries or they age out.
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue({ name: QUEUES.ingest }),
  ],
  exports: [BullModule],
})
export class PipelineQueueModule {}
