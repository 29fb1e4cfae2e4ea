import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CHANNELS, CHANNELS_CHANGED_CHANNEL, type Channel } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, subscribeToChannels, type RedisSubscription, type SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ChannelsRepository } from './channels.repository';

/** Who is calling the ingest API: the deployment-wide key (every channel) or one channel's key. */
export type IngestPrincipal = { kind: 'deployment' } | { kind: 'channel'; channel: Channel; keyId: string };

/** A key's `last_used_at` is written at most this often, whatever the request rate. */
const TOUCH_INTERVAL_MS = 60_000;
/** A missed announcement (Redis restarted mid-publish) is caught up by this poll. */
const POLL_INTERVAL_MS = 30_000;

/**
 * The ingest API's view of channels, kept in memory because ingest runs thousands of mentions a
 * second: which channels are enabled and the hash of every active key. Reloaded from PostgreSQL
 * when any API process announces a change on Redis (after its commit), and every 30 s.
 */
@Injectable()
export class ChannelAccessRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ChannelAccessRegistry.name);
  private readonly deploymentDigest: Buffer;
  private disabled = new Set<Channel>();
  private keys = new Map<string, { id: string; channel: Channel }>();
  private readonly touchedAt = new Map<string, number>();
  private subscription: RedisSubscription | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private loading: Promise<void> | null = null;
  private loadAgain = false;

  constructor(
    private readonly channels: ChannelsRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {
    this.deploymentDigest = createHash('sha256').update(config.ingestKey).digest();
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.subscription = await subscribeToChannels(
      this.redis,
      [this.changedChannel()],
      () => this.reloadInBackground(),
      (err) => this.logger.warn({ err: err.message }, 'channel subscriber error'),
    );
    this.pollTimer = setInterval(() => this.reloadInBackground(), POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    await this.subscription?.close();
    this.subscription = null;
  }

  /** The caller an `X-Api-Key` stands for, or null when it is no key Sigap knows (or a revoked one). */
  authenticate(provided: string | undefined): IngestPrincipal | null {
    if (!provided) return null;
    const digest = createHash('sha256').update(provided).digest();
    if (timingSafeEqual(digest, this.deploymentDigest)) return { kind: 'deployment' };
    const key = this.keys.get(digest.toString('hex'));
    if (!key) return null;
    this.touch(key.id);
    return { kind: 'channel', channel: key.channel, keyId: key.id };
  }

  /** Why this caller may not send a mention on `channel` now, or null when it may. */
  refusal(principal: IngestPrincipal, channel: Channel): string | null {
    if (principal.kind === 'channel' && principal.channel !== channel) return `this key may only send ${principal.channel}`;
    if (this.disabled.has(channel)) return `${channel} is disabled`;
    return null;
  }

  /** After a committed change: reload here at once, then tell the other API processes. */
  async changed(): Promise<void> {
    await this.reload();
    await this.redis
      .publish(this.changedChannel(), String(Date.now()))
      .catch((err: unknown) => this.logger.warn({ err }, 'could not announce a channel change; other processes catch up within 30 s'));
  }

  /** Reads the state again; calls during a load are folded into one more load after it. */
  reload(): Promise<void> {
    if (this.loading) {
      this.loadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      try {
        do {
          this.loadAgain = false;
          await this.load();
        } while (this.loadAgain);
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private async load(): Promise<void> {
    const state = await this.channels.accessState();
    const known = new Set<string>(CHANNELS);
    this.disabled = new Set(state.enabled.filter((row) => !row.enabled && known.has(row.code)).map((row) => row.code));
    this.keys = new Map(state.keys.map((row) => [row.key_hash, { id: row.id, channel: row.channel_code }]));
    const active = new Set(state.keys.map((row) => row.id));
    for (const id of this.touchedAt.keys()) if (!active.has(id)) this.touchedAt.delete(id);
  }

  private reloadInBackground(): void {
    this.reload().catch((err: unknown) => this.logger.error({ err }, 'could not reload channels; keeping the previous state'));
  }

  private touch(keyId: string): void {
    const now = Date.now();
    if (now - (this.touchedAt.get(keyId) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.touchedAt.set(keyId, now);
    this.channels.touchKey(keyId).catch((err: unknown) => this.logger.warn({ err, keyId }, 'could not record when a key was used'));
  }

  private changedChannel(): string {
    return redisKey(this.config.redisPrefix, CHANNELS_CHANGED_CHANNEL);
  }
}
