export * from './lib/desk.module';
export * from './lib/desk.service';
export * from './lib/desk.repository';
export * from './lib/claim-idle.scheduler';
