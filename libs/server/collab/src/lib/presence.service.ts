import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  LIVE_EVENTS,
  LIVE_MENTION_NOTE_CHANNEL,
  LIVE_MENTION_PRESENCE_CHANNEL,
  LIVE_NOTIFY_USER_CHANNEL,
  PRESENCE_BROADCAST_MS,
  PRESENCE_ONLINE_KEY,
  liveUserRoom,
  type MentionNote,
  type MentionPresence,
  type MentionViewer,
  type NotificationView,
  type OnlineUser,
  type PresenceList,
  type Role,
} from '@sigap/contracts';
import { mentionScopeOf, type AuthenticatedUser, type MentionScope } from '@sigap/server/auth';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, subscribeToChannels, validationFailed, type RedisSubscription, type SigapConfig } from '@sigap/server/core';
import { isVisibleTo, scopeOfRoom, type LiveNamespace, type LiveSocket, type LiveSocketData } from '@sigap/server/live';
import type Redis from 'ioredis';
import { DESK_ROLES, mentionNotFound, readingScopeOf } from './collab-access';
import { CollabRepository } from './collab.repository';
import { SettingsService } from '@sigap/server/settings';

type PresenceUser = LiveSocketData['user'];

/** What one socket has open. */
interface SocketView {
  userId: string;
  name: string;
  mentionId: string;
  opdCodes: string[];
  typing: boolean;
}

interface StoredViewer {
  name: string;
  typing: boolean;
  at: number;
}

interface OnlineEntry extends PresenceUser {
  viewing: { mentionId: string; opdCodes: string[] } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const parse = <T>(value: string | null | undefined): T | null => {
  if (!value) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
};

/** The online list one scope may see: supervisors see all; an admin, people sharing an OPD and supervisors. */
export function onlineListFor(scope: MentionScope, entries: OnlineEntry[]): OnlineUser[] {
  const seesAll = (role: Role) => role === 'superadmin' || role === 'supervisor';
  return entries
    .filter((entry) => {
      switch (scope.kind) {
        case 'all':
          return true;
        case 'opds':
          return seesAll(entry.role) || entry.opds.some((code) => scope.opds.includes(code));
        case 'none':
          return false;
      }
    })
    .map((entry) => ({
      id: entry.id,
      name: entry.name,
      role: entry.role,
      opds: entry.opds,
      viewing: entry.viewing && isVisibleTo({ opdCodes: entry.viewing.opdCodes }, scope) ? entry.viewing.mentionId : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Who is online and who views or types on which mention. The state lives in Redis so every API
 * instance agrees: a sorted set of last-seen times, each user's details and open mention, and per
 * mention a hash of its viewers. Each instance broadcasts the online list to its own rooms at
 * most every PRESENCE_BROADCAST_MS and only when it changed; a mention's viewers are announced
 * on Redis and relayed by every instance to its rooms that may see that mention.
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PresenceService.name);
  private namespace: LiveNamespace | null = null;
  private subscription: RedisSubscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private readonly views = new Map<string, SocketView>();
  private readonly lastSent = new Map<string, string>();
  /** Each socket's events run one after another, in the order sent (a switch is "leave A", "view B"). */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly repository: CollabRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
    private readonly settings: SettingsService,
  ) {}

  private key(...parts: string[]): string {
    return redisKey(this.config.redisPrefix, parts.join(':'));
  }

  private get ttlMs(): number {
    return this.settings.current().presenceTtlSeconds * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    const notifyChannel = this.key(LIVE_NOTIFY_USER_CHANNEL);
    const presenceChannel = this.key(LIVE_MENTION_PRESENCE_CHANNEL);
    const noteChannel = this.key(LIVE_MENTION_NOTE_CHANNEL);
    this.subscription = await subscribeToChannels(
      this.redis,
      [notifyChannel, presenceChannel, noteChannel],
      (channel, message) => {
        if (channel === notifyChannel) this.relayNotification(message);
        else if (channel === presenceChannel) this.relayMentionPresence(message);
        else if (channel === noteChannel) this.relayMentionNote(message);
      },
      (err) => this.logger.warn({ err: err.message }, 'presence subscriber error'),
    );
    this.timer = setInterval(() => this.tick(), PRESENCE_BROADCAST_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.subscription?.close();
  }

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  async connected(socket: LiveSocket): Promise<void> {
    const user = this.userOf(socket);
    await socket.join(liveUserRoom(user.id));
    await this.markOnline([user]);
    const scope = mentionScopeOf(user);
    socket.emit(LIVE_EVENTS.presence, { users: onlineListFor(scope, await this.snapshot()), at: new Date().toISOString() });
  }

  async disconnected(socket: LiveSocket): Promise<void> {
    const user = this.userOf(socket);
    await this.inOrder(socket, () => this.leaveView(socket.id));
    this.queues.delete(socket.id);
    // Online for another TTL from now: a reload or a flaky network does not flicker the list.
    await this.markOnline([user]);
  }

  heartbeat(socket: LiveSocket): Promise<{ at: string }> {
    return this.inOrder(socket, () => this.beat(socket));
  }

  view(socket: LiveSocket, payload: unknown): Promise<{ viewers: MentionViewer[] }> {
    return this.inOrder(socket, () => this.setView(socket, payload));
  }

  typing(socket: LiveSocket, payload: unknown): Promise<{ viewers: MentionViewer[] }> {
    return this.inOrder(socket, () => this.setTyping(socket, payload));
  }

  private inOrder<T>(socket: LiveSocket, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(socket.id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.queues.set(socket.id, next);
    return next;
  }

  private async beat(socket: LiveSocket): Promise<{ at: string }> {
    const user = this.userOf(socket);
    if (!DESK_ROLES.includes(user.role)) throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not work the desk');
    await this.markOnline([user]);
    const view = this.views.get(socket.id);
    if (view) await this.storeViewer(view);
    return { at: new Date().toISOString() };
  }

  private async setView(socket: LiveSocket, payload: unknown): Promise<{ viewers: MentionViewer[] }> {
    const user = this.userOf(socket);
    const mentionId = (payload as { mentionId?: unknown } | null)?.mentionId;
    if (mentionId === null || mentionId === undefined) {
      await this.leaveView(socket.id);
      return { viewers: [] };
    }
    if (typeof mentionId !== 'string') throw validationFailed([{ field: 'mentionId', message: 'a mention id or null' }]);
    const opdCodes = await this.visibleMention(user, mentionId, 'view');
    const current = this.views.get(socket.id);
    if (current?.mentionId === mentionId) return { viewers: await this.viewersOf(mentionId) };
    await this.leaveView(socket.id);
    const view: SocketView = { userId: user.id, name: user.name, mentionId, opdCodes, typing: false };
    this.views.set(socket.id, view);
    await this.storeViewer(view);
    await this.redis.hset(this.key('presence', 'viewing'), user.id, JSON.stringify({ mentionId, opdCodes }));
    return { viewers: await this.announce(mentionId, opdCodes) };
  }

  private async setTyping(socket: LiveSocket, payload: unknown): Promise<{ viewers: MentionViewer[] }> {
    const user = this.userOf(socket);
    const { mentionId, typing } = (payload ?? {}) as { mentionId?: unknown; typing?: unknown };
    if (typeof mentionId !== 'string') throw validationFailed([{ field: 'mentionId', message: 'required' }]);
    if (typeof typing !== 'boolean') throw validationFailed([{ field: 'typing', message: 'true or false' }]);
    const opdCodes = await this.visibleMention(user, mentionId, 'type');
    let view = this.views.get(socket.id);
    if (view?.mentionId !== mentionId) {
      // Typing on a mention means having it open.
      await this.leaveView(socket.id);
      view = { userId: user.id, name: user.name, mentionId, opdCodes, typing };
      this.views.set(socket.id, view);
      await this.redis.hset(this.key('presence', 'viewing'), user.id, JSON.stringify({ mentionId, opdCodes }));
    } else if (view.typing === typing) {
      await this.storeViewer(view);
      return { viewers: await this.viewersOf(mentionId) };
    }
    view.typing = typing;
    await this.storeViewer(view);
    return { viewers: await this.announce(mentionId, opdCodes) };
  }

  /** Who is online now, as the user's scope may see it (REST). */
  async online(user: AuthenticatedUser): Promise<PresenceList> {
    const scope = mentionScopeOf(user);
    return { users: onlineListFor(scope, await this.snapshot()), at: new Date().toISOString() };
  }

  private userOf(socket: LiveSocket): PresenceUser {
    const data = socket.data as Partial<LiveSocketData> | undefined;
    if (!data?.user) throw new SigapException(SigapErrorCode.UNAUTHENTICATED, 'the socket has no user');
    return data.user;
  }

  /** The mention's OPD codes if the user may view (or type on) it; otherwise 403/404 as for REST. */
  private async visibleMention(user: PresenceUser, mentionId: string, action: 'view' | 'type'): Promise<string[]> {
    if (action === 'type' && !DESK_ROLES.includes(user.role)) throw new SigapException(SigapErrorCode.FORBIDDEN, 'this role does not handle mentions');
    const scope = readingScopeOf(user);
    if (!UUID.test(mentionId)) throw mentionNotFound();
    const mention = await this.repository.findMention(mentionId, scope);
    if (!mention) throw mentionNotFound();
    return mention.opd_codes;
  }

  /** Only people who work the desk count as online; a DPRD liaison reading along does not. */
  private async markOnline(candidates: PresenceUser[]): Promise<void> {
    const users = candidates.filter((user) => DESK_ROLES.includes(user.role));
    if (users.length === 0) return;
    const now = Date.now();
    const pipeline = this.redis.pipeline();
    pipeline.zadd(this.key(PRESENCE_ONLINE_KEY), ...users.flatMap((user) => [now, user.id]));
    pipeline.hset(
      this.key('presence', 'users'),
      ...users.flatMap((user) => [user.id, JSON.stringify({ id: user.id, name: user.name, role: user.role, opds: user.opds })]),
    );
    await pipeline.exec();
  }

  private async storeViewer(view: SocketView): Promise<void> {
    const key = this.key('presence', 'mention', view.mentionId);
    const viewer: StoredViewer = { name: view.name, typing: view.typing, at: Date.now() };
    await this.redis
      .multi()
      .hset(key, view.userId, JSON.stringify(viewer))
      .pexpire(key, this.ttlMs * 2)
      .exec();
  }

  /** Forgets what a socket had open, unless another socket of the same user here has it open too. */
  private async leaveView(socketId: string): Promise<void> {
    const view = this.views.get(socketId);
    if (!view) return;
    this.views.delete(socketId);
    const stillOpen = [...this.views.values()].find((other) => other.userId === view.userId && other.mentionId === view.mentionId);
    if (stillOpen) {
      if (view.typing && !stillOpen.typing) await this.storeViewer(stillOpen);
    } else {
      await this.redis.hdel(this.key('presence', 'mention', view.mentionId), view.userId);
      const viewingKey = this.key('presence', 'viewing');
      const current = parse<{ mentionId: string }>(await this.redis.hget(viewingKey, view.userId));
      if (current?.mentionId === view.mentionId) await this.redis.hdel(viewingKey, view.userId);
    }
    await this.announce(view.mentionId, view.opdCodes);
  }

  private async viewersOf(mentionId: string): Promise<MentionViewer[]> {
    const stored = await this.redis.hgetall(this.key('presence', 'mention', mentionId));
    const cutoff = Date.now() - this.ttlMs;
    return Object.entries(stored)
      .flatMap(([id, value]) => {
        const viewer = parse<StoredViewer>(value);
        return viewer && viewer.at >= cutoff ? [{ id, name: viewer.name, typing: viewer.typing }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  private async announce(mentionId: string, opdCodes: string[]): Promise<MentionViewer[]> {
    const viewers = await this.viewersOf(mentionId);
    const presence: MentionPresence = { mentionId, viewers };
    await this.redis
      .publish(this.key(LIVE_MENTION_PRESENCE_CHANNEL), JSON.stringify({ opdCodes, presence }))
      .catch((err: unknown) => this.logger.warn({ err }, 'could not announce mention presence'));
    return viewers;
  }

  /** Tells every API instance of a new note; each relays it to its rooms that may see the mention. */
  async announceNote(opdCodes: string[], note: MentionNote): Promise<void> {
    await this.redis
      .publish(this.key(LIVE_MENTION_NOTE_CHANNEL), JSON.stringify({ opdCodes, note }))
      .catch((err: unknown) => this.logger.warn({ err }, 'could not announce a note'));
  }

  /** The local scope rooms that may see a mention routed to `opdCodes`. */
  private roomsSeeing(opdCodes: string[]): string[] {
    if (!this.namespace) return [];
    return [...this.namespace.adapter.rooms.keys()].filter((room) => {
      const scope = scopeOfRoom(room);
      return scope !== null && isVisibleTo({ opdCodes }, scope);
    });
  }

  private relayMentionPresence(message: string): void {
    const parsed = parse<{ opdCodes: string[]; presence: MentionPresence }>(message);
    if (!this.namespace || !Array.isArray(parsed?.opdCodes) || !parsed.presence) return;
    const rooms = this.roomsSeeing(parsed.opdCodes);
    if (rooms.length > 0) this.namespace.to(rooms).emit(LIVE_EVENTS.mentionPresence, parsed.presence);
  }

  private relayMentionNote(message: string): void {
    const parsed = parse<{ opdCodes: string[]; note: MentionNote }>(message);
    if (!this.namespace || !Array.isArray(parsed?.opdCodes) || !parsed.note) return;
    const rooms = this.roomsSeeing(parsed.opdCodes);
    if (rooms.length > 0) this.namespace.to(rooms).emit(LIVE_EVENTS.mentionNote, parsed.note);
  }

  private relayNotification(message: string): void {
    const parsed = parse<{ userId: string; notification: NotificationView }>(message);
    if (!this.namespace || typeof parsed?.userId !== 'string' || !parsed.notification) return;
    this.namespace.to(liveUserRoom(parsed.userId)).emit(LIVE_EVENTS.notification, parsed.notification);
  }

  /** Online users (heartbeat within the TTL) with their details and open mention; drops the rest. */
  private async snapshot(): Promise<OnlineEntry[]> {
    const onlineKey = this.key(PRESENCE_ONLINE_KEY);
    const cutoff = Date.now() - this.ttlMs;
    const stale = await this.redis.zrangebyscore(onlineKey, '-inf', `(${cutoff}`);
    if (stale.length > 0) {
      await this.redis.zremrangebyscore(onlineKey, '-inf', `(${cutoff}`);
      await this.redis.hdel(this.key('presence', 'users'), ...stale);
      await this.redis.hdel(this.key('presence', 'viewing'), ...stale);
    }
    const ids = await this.redis.zrangebyscore(onlineKey, cutoff, '+inf');
    if (ids.length === 0) return [];
    const [details, viewing] = await Promise.all([
      this.redis.hmget(this.key('presence', 'users'), ...ids),
      this.redis.hmget(this.key('presence', 'viewing'), ...ids),
    ]);
    return ids.flatMap((id, index) => {
      const user = parse<PresenceUser>(details[index]);
      return user ? [{ ...user, viewing: parse<OnlineEntry['viewing']>(viewing[index]) }] : [];
    });
  }

  private tick(): void {
    if (this.ticking || !this.namespace) return;
    this.ticking = true;
    this.broadcastOnline()
      .catch((err: unknown) => this.logger.warn({ err }, 'presence broadcast failed'))
      .finally(() => (this.ticking = false));
  }

  private async broadcastOnline(): Promise<void> {
    const namespace = this.namespace;
    if (!namespace) return;
    // A connected socket counts as a heartbeat: only a closed dashboard goes offline.
    const local = new Map<string, PresenceUser>();
    for (const socket of namespace.sockets.values()) {
      const user = (socket.data as Partial<LiveSocketData> | undefined)?.user;
      if (user) local.set(user.id, user);
    }
    await this.markOnline([...local.values()]);
    const entries = await this.snapshot();
    const at = new Date().toISOString();
    const rooms = new Set<string>();
    for (const room of namespace.adapter.rooms.keys()) {
      const scope = scopeOfRoom(room);
      if (!scope) continue;
      rooms.add(room);
      const users = onlineListFor(scope, entries);
      const fingerprint = JSON.stringify(users);
      if (this.lastSent.get(room) === fingerprint) continue;
      this.lastSent.set(room, fingerprint);
      namespace.to(room).emit(LIVE_EVENTS.presence, { users, at });
    }
    for (const room of this.lastSent.keys()) if (!rooms.has(room)) this.lastSent.delete(room);
  }
}
