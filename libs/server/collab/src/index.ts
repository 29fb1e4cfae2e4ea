export * from './lib/collab.module';
