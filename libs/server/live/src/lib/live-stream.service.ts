import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  LIVE_EVENTS,
  LIVE_FLUSH_INTERVAL_MS,
  LIVE_MAX_REPLAY,
  LIVE_NOTIFY_CHANNEL,
  LIVE_REPLY_CHANNEL,
  LIVE_SESSIONS_REVOKED_CHANNEL,
  LIVE_UPDATE_CHANNEL,
  type LiveClientEvents,
  type LiveMentionUpdate,
  type LiveReplyUpdate,
  type LiveServerEvents,
  type Mention,
} from '@sigap/contracts';
import type { MentionReadAccess } from '@sigap/server/auth';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, subscribeToChannels, type RedisSubscription, type SigapConfig } from '@sigap/server/core';
import { mapMention, maskPersonalData, MentionsRepository } from '@sigap/server/mentions';
import { Mutex } from 'async-mutex';
import type Redis from 'ioredis';
import type { Namespace, Socket } from 'socket.io';
import { accessOfRoom, isVisibleTo, roomOfAccess, roomOfSession } from './live-scope';

const PAGE = 2000;
/** Safety net for a lost pub/sub message: look for new rows at least this often. */
const POLL_INTERVAL_MS = 1000;

export type LiveNamespace = Namespace<LiveClientEvents, LiveServerEvents>;
export type LiveSocket = Socket<LiveClientEvents, LiveServerEvents>;

/**
 * Turns stored mentions into live batches. Workers announce new rows on Redis; this service reads
 * everything after the last seq it sent and emits at most one batch per room per flush interval.
 * Joining (with replay) and flushing share one lock, so a client sees every seq once, in order.
 */
@Injectable()
export class LiveStreamService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveStreamService.name);
  private readonly lock = new Mutex();
  private namespace: LiveNamespace | null = null;
  private subscription: RedisSubscription | null = null;
  private lastSeq = 0;
  private lastFlushAt = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly mentions: MentionsRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.lastSeq = await this.mentions.maxSeq();
    const updates = redisKey(this.config.redisPrefix, LIVE_UPDATE_CHANNEL);
    // Each Redis channel this instance relays, with what to do with a message on it.
    const relays = new Map<string, (message: string) => void>([
      [updates, (message) => this.relayUpdate(message)],
      [redisKey(this.config.redisPrefix, LIVE_REPLY_CHANNEL), (message) => this.relayReply(message)],
      [redisKey(this.config.redisPrefix, LIVE_SESSIONS_REVOKED_CHANNEL), (message) => this.disconnectSessions(message)],
    ]);
    this.subscription = await subscribeToChannels(
      this.redis,
      [redisKey(this.config.redisPrefix, LIVE_NOTIFY_CHANNEL), ...relays.keys()],
      (channel, message) => {
        const relay = relays.get(channel);
        if (relay) relay(message);
        else this.scheduleFlush();
      },
      (err) => this.logger.warn({ err: err.message }, 'live subscriber error'),
    );
    this.pollTimer = setInterval(() => this.scheduleFlush(), POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.subscription?.close();
  }

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  /** Replays what the client missed since `since`, then puts it in its live room. */
  async join(socket: LiveSocket, access: MentionReadAccess, since: number | undefined, sessionId?: string): Promise<void> {
    const { scope, masked } = access;
    if (sessionId) await socket.join(roomOfSession(sessionId));
    await this.lock.runExclusive(async () => {
      let replayed = 0;
      let resync = false;
      if (since !== undefined && since < this.lastSeq) {
        const missed = await this.mentions.countAfterSeq(since, this.lastSeq, scope);
        if (missed > LIVE_MAX_REPLAY) {
          resync = true;
        } else {
          let after = since;
          for (;;) {
            const rows = await this.mentions.findAfterSeq(after, PAGE, scope, this.lastSeq);
            if (rows.length === 0) break;
            const batch = rows.map(mapMention);
            socket.emit(LIVE_EVENTS.mentions, masked ? batch.map(maskPersonalData) : batch);
            replayed += rows.length;
            after = Number(rows[rows.length - 1].seq);
            if (rows.length < PAGE) break;
          }
        }
      }
      await socket.join(roomOfAccess(access));
      socket.emit(LIVE_EVENTS.hello, { seq: this.lastSeq, replayed, resync });
    });
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.stopped) return;
    const wait = Math.max(0, this.lastFlushAt + LIVE_FLUSH_INTERVAL_MS - Date.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.lastFlushAt = Date.now();
      this.lock.runExclusive(() => this.flush()).catch((err: unknown) => this.logger.error({ err }, 'live flush failed'));
    }, wait);
  }

  private async flush(): Promise<void> {
    for (;;) {
      const rows = await this.mentions.findAfterSeq(this.lastSeq, PAGE);
      if (rows.length === 0) return;
      this.broadcast(rows.map(mapMention));
      this.lastSeq = Number(rows[rows.length - 1].seq);
      if (rows.length < PAGE) return;
    }
  }

  /** A claim, release or status change announced by an API instance: sent to the rooms that may see the mention. */
  private relayUpdate(message: string): void {
    const namespace = this.namespace;
    if (!namespace) return;
    let parsed: { opdCodes: string[]; update: LiveMentionUpdate };
    try {
      parsed = JSON.parse(message);
    } catch {
      this.logger.warn('ignored a malformed mention update');
      return;
    }
    if (!Array.isArray(parsed?.opdCodes) || !parsed.update) return;
    for (const room of namespace.adapter.rooms.keys()) {
      const access = accessOfRoom(room);
      if (access && isVisibleTo({ opdCodes: parsed.opdCodes }, access.scope)) namespace.to(room).emit(LIVE_EVENTS.mentionUpdated, parsed.update);
    }
  }

  /** Sessions revoked on any API instance: their sockets here are closed at once. */
  private disconnectSessions(message: string): void {
    const namespace = this.namespace;
    if (!namespace) return;
    let sessionIds: unknown;
    try {
      sessionIds = (JSON.parse(message) as { sessionIds?: unknown }).sessionIds;
    } catch {
      this.logger.warn('ignored a malformed session revocation');
      return;
    }
    if (!Array.isArray(sessionIds)) return;
    for (const sessionId of sessionIds) {
      if (typeof sessionId === 'string') namespace.in(roomOfSession(sessionId)).disconnectSockets(true);
    }
  }

  /** A reply created or changed status: sent to the rooms that may see its mention. */
  private relayReply(message: string): void {
    const namespace = this.namespace;
    if (!namespace) return;
    let parsed: { opdCodes: string[]; reply: LiveReplyUpdate };
    try {
      parsed = JSON.parse(message);
    } catch {
      this.logger.warn('ignored a malformed reply update');
      return;
    }
    if (!Array.isArray(parsed?.opdCodes) || !parsed.reply) return;
    for (const room of namespace.adapter.rooms.keys()) {
      const access = accessOfRoom(room);
      // Replies address the citizen by name: liaisons' masked rooms do not get them.
      if (access && !access.masked && isVisibleTo({ opdCodes: parsed.opdCodes }, access.scope)) {
        namespace.to(room).emit(LIVE_EVENTS.replyUpdated, parsed.reply);
      }
    }
  }

  private broadcast(batch: Mention[]): void {
    const namespace = this.namespace;
    if (!namespace) return;
    let maskedBatch: Mention[] | null = null;
    for (const room of namespace.adapter.rooms.keys()) {
      const access = accessOfRoom(room);
      if (!access) continue;
      // Masked once per flush, however many masked rooms there are.
      const source = access.masked ? (maskedBatch ??= batch.map(maskPersonalData)) : batch;
      const visible = source.filter((mention) => isVisibleTo(mention, access.scope));
      if (visible.length > 0) namespace.to(room).emit(LIVE_EVENTS.mentions, visible);
    }
  }
}
