export * from './lib/triage.module';
export * from './lib/triage.service';
export * from './lib/triage-models.repository';
