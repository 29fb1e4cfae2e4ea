export * from './lib/dispatch.module';
export * from './lib/desk-dispatch.queue';
export * from './lib/round-robin';
