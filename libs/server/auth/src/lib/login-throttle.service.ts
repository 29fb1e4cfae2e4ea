import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, type SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { SettingsService } from '@sigap/server/settings';

/**
 * Counts failed sign-ins in fixed Redis windows, per (e-mail, IP) and per IP alone, so guessing
 * one account's password and spraying many accounts from one address are both slowed down.
 * Only failures count: a desk full of admins behind one NAT can still sign in.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
    private readonly settings: SettingsService,
  ) {}

  /** Throws 429 with the seconds to wait when either counter is at its limit. */
  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const { maxFailures, maxFailuresPerIp } = this.settings.current().login;
    const [pair, perIp] = this.keys(email, ip);
    const results = await this.redis.multi().get(pair).pttl(pair).get(perIp).pttl(perIp).exec();
    const value = (index: number) => Number(results?.[index]?.[1] ?? 0) || 0;
    const waits: number[] = [];
    if (value(0) >= maxFailures) waits.push(value(1));
    if (value(2) >= maxFailuresPerIp) waits.push(value(3));
    if (waits.length === 0) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new SigapException(
      SigapErrorCode.TOO_MANY_REQUESTS,
      `too many failed sign-ins; try again in ${retryAfterSeconds} seconds`,
      { retryAfterSeconds },
      retryAfterSeconds,
    );
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    const window = this.settings.current().login.windowSeconds;
    const multi = this.redis.multi();
    for (const key of this.keys(email, ip)) {
      // The window starts at the first failure and is not extended by later ones.
      multi.set(key, 0, 'EX', window, 'NX').incr(key);
    }
    await multi.exec();
  }

  /** A correct password clears the e-mail's counter; the per-IP one keeps counting down. */
  async recordSuccess(email: string, ip: string | null): Promise<void> {
    await this.redis.del(this.keys(email, ip)[0]);
  }

  private keys(email: string, ip: string | null): [string, string] {
    const address = ip ?? 'unknown';
    // Hashed so Redis holds no list of e-mail addresses people tried.
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return [
      redisKey(this.config.redisPrefix, 'login-failures', 'account', address, account),
      redisKey(this.config.redisPrefix, 'login-failures', 'ip', address),
    ];
  }
}
