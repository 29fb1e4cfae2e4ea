export * from './lib/pipeline.module';
export * from './lib/pipeline-queue.module';
export * from './lib/mention-id';
export * from './lib/mention-pipeline.service';
export * from './lib/store-batcher';
