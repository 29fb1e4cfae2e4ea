export * from './lib/auth.module';
export * from './lib/auth.service';
export * from './lib/auth.decorators';
export * from './lib/authenticated-user';
export * from './lib/sessions.repository';
