export * from './mention';
export * from './auth';
export * from './queues';
export * from './live';
export * from './reference';
export * from './rule-set';
export * from './correction';
export * from './status-workflow';
