export * from './lib/ingest.module';
export * from './lib/mention-input.schema';
