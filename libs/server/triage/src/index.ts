export * from './lib/triage.module';
export * from './lib/triage.service';
