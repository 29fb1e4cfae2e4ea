export * from './lib/config';
export * from './lib/tokens';
export * from './lib/sigap.exception';
export * from './lib/http-exception.filter';
export * from './lib/redis';
export * from './lib/core.module';
export * from './lib/redis-subscription';
export * from './lib/validation-pipe';
