export * from './lib/reference.module';
