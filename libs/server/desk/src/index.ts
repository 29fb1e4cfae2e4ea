export * from './lib/desk.module';
export * from './lib/desk.service';
