import type { Channel } from '@sigap/contracts';
import type { SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import { ChannelAccessRegistry } from './channel-access.registry';
import { generateChannelKey } from './channel-key';
import type { ActiveKeyRow, ChannelsRepository } from './channels.repository';

const DEPLOYMENT_KEY = 'deployment-key-0123456789';

/** A registry over an in-memory "database" the test edits, with Redis stubbed out. */
function setup() {
  const state = { enabled: [] as { code: Channel; enabled: boolean }[], keys: [] as ActiveKeyRow[] };
  const repository = {
    accessState: jest.fn(async () => ({ enabled: [...state.enabled], keys: [...state.keys] })),
    touchKey: jest.fn(async () => undefined),
  };
  const redis = { publish: jest.fn(async () => 1) };
  const registry = new ChannelAccessRegistry(
    repository as unknown as ChannelsRepository,
    redis as unknown as Redis,
    { ingestKey: DEPLOYMENT_KEY, redisPrefix: 'test' } as SigapConfig,
  );
  return { state, repository, redis, registry };
}

describe('ChannelAccessRegistry', () => {
  afterEach(() => jest.useRealTimers());

  it('takes the deployment key for every channel and refuses anything else', async () => {
    const { registry } = setup();
    await registry.reload();
    expect(registry.authenticate(DEPLOYMENT_KEY)).toEqual({ kind: 'deployment' });
    expect(registry.authenticate(undefined)).toBeNull();
    expect(registry.authenticate('')).toBeNull();
    expect(registry.authenticate(`${DEPLOYMENT_KEY}x`)).toBeNull();
    expect(registry.refusal({ kind: 'deployment' }, 'tiktok')).toBeNull();
  });

  it('verifies a channel key by its hash and limits it to its channel', async () => {
    const { state, registry } = setup();
    const generated = generateChannelKey('instagram');
    state.keys = [{ id: 'k1', channel_code: 'instagram', key_hash: generated.hash }];
    await registry.reload();
    const principal = registry.authenticate(generated.key);
    expect(principal).toEqual({ kind: 'channel', channel: 'instagram', keyId: 'k1' });
    expect(registry.authenticate(generated.hash)).toBeNull();
    expect(registry.authenticate(generated.prefix)).toBeNull();
    if (!principal) throw new Error('unreachable');
    expect(registry.refusal(principal, 'instagram')).toBeNull();
    expect(registry.refusal(principal, 'x')).toBe('this key may only send instagram');
  });

  it('forgets a revoked key and refuses a disabled channel once reloaded', async () => {
    const { state, registry, redis } = setup();
    const generated = generateChannelKey('x');
    state.keys = [{ id: 'k1', channel_code: 'x', key_hash: generated.hash }];
    await registry.reload();
    expect(registry.authenticate(generated.key)).not.toBeNull();

    state.keys = [];
    state.enabled = [{ code: 'x', enabled: false }, { code: 'web', enabled: true }];
    await registry.changed();
    expect(registry.authenticate(generated.key)).toBeNull();
    expect(registry.refusal({ kind: 'deployment' }, 'x')).toBe('x is disabled');
    expect(registry.refusal({ kind: 'deployment' }, 'web')).toBeNull();
    expect(redis.publish).toHaveBeenCalledWith('test:channels:changed', expect.any(String));
  });

  it('records when a key was used at most once a minute', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-28T10:00:00Z') });
    const { state, registry, repository } = setup();
    const generated = generateChannelKey('web');
    state.keys = [{ id: 'k1', channel_code: 'web', key_hash: generated.hash }];
    await registry.reload();
    for (let i = 0; i < 100; i++) registry.authenticate(generated.key);
    expect(repository.touchKey).toHaveBeenCalledTimes(1);
    jest.setSystemTime(new Date('2026-11-28T10:00:59Z'));
    registry.authenticate(generated.key);
    expect(repository.touchKey).toHaveBeenCalledTimes(1);
    jest.setSystemTime(new Date('2026-11-28T10:01:01Z'));
    registry.authenticate(generated.key);
    expect(repository.touchKey).toHaveBeenCalledTimes(2);
  });

  it('folds reloads asked for during a load into one more load', async () => {
    const { registry, repository } = setup();
    await Promise.all([registry.reload(), registry.reload(), registry.reload()]);
    expect(repository.accessState).toHaveBeenCalledTimes(2);
  });
});
