export * from './lib/audit.module';
export * from './lib/audit.service';
export * from './lib/audit-browser.service';
export * from './lib/audit-log.repository';
export * from './lib/csv';
