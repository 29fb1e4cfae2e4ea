import { Inject, Injectable } from '@nestjs/common';
import { PRESENCE_ONLINE_KEY } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, type SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import { SettingsService } from '@sigap/server/settings';

/** Who is online now, from the heartbeats the live gateway records in a sorted set. */
@Injectable()
export class PresenceReader {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
    private readonly settings: SettingsService,
  ) {}

  async onlineUserIds(): Promise<Set<string>> {
    const since = Date.now() - this.settings.current().presenceTtlSeconds * 1000;
    const ids = await this.redis.zrangebyscore(redisKey(this.config.redisPrefix, PRESENCE_ONLINE_KEY), `(${since}`, '+inf');
    return new Set(ids);
  }
}
