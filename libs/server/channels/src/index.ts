export * from './lib/channels.module';
export * from './lib/channel-access.registry';
export * from './lib/channel-key';
