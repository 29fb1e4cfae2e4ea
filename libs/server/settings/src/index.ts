export * from './lib/settings.module';
export * from './lib/settings.service';
export * from './lib/settings.rules';
