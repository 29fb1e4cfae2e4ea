export * from './lib/live.module';
export * from './lib/live-scope';
export type { LiveSocketData } from './lib/live.gateway';
export type { LiveNamespace, LiveSocket } from './lib/live-stream.service';
