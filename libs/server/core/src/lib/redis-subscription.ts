import type Redis from 'ioredis';

export interface RedisSubscription {
  close(): Promise<void>;
}

/**
 * Subscribes a dedicated connection (a subscribed ioredis client can do nothing else) to the given
 * channels; `onMessage` gets every message with its channel. Errors go to `onError`, never thrown,
 * because ioredis reconnects and resubscribes by itself.
 */
export async function subscribeToChannels(
  redis: Redis,
  channels: string[],
  onMessage: (channel: string, message: string) => void,
  onError: (error: Error) => void,
): Promise<RedisSubscription> {
  const subscriber = redis.duplicate();
  subscriber.on('message', onMessage);
  subscriber.on('error', onError);
  await subscriber.subscribe(...channels);
  return { close: () => subscriber.quit().then(() => undefined, () => subscriber.disconnect()) };
}
