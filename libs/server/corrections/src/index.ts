export * from './lib/corrections.module';
