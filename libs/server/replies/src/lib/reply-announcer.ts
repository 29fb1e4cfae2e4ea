import { Inject, Injectable, Logger } from '@nestjs/common';
import { LIVE_REPLY_CHANNEL, type LiveReplyUpdate } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, type SigapConfig } from '@sigap/server/core';
import type Redis from 'ioredis';
import { mapReply } from './reply.mapper';
import type { ReplyRow } from './replies.repository';

/** Tells every API instance that a reply changed (each relays it to the live rooms that may see its mention). */
@Injectable()
export class ReplyAnnouncer {
  private readonly logger = new Logger(ReplyAnnouncer.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  /** A lost message only delays dashboards, which reload a mention's replies when they open it. */
  async announce(row: ReplyRow): Promise<LiveReplyUpdate> {
    const reply = mapReply(row);
    await this.redis
      .publish(redisKey(this.config.redisPrefix, LIVE_REPLY_CHANNEL), JSON.stringify({ opdCodes: row.opd_codes, reply }))
      .catch((err: unknown) => this.logger.warn({ err }, 'could not announce a reply update'));
    return reply;
  }
}
