import { io } from 'socket.io-client';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_EVENTS,
  LIVE_NAMESPACE,
  PRESENCE_HEARTBEAT_MS,
  type CollabAck,
  type LiveClientEvents,
  type LiveHandshakeAuth,
  type LiveHello,
  type LiveMentionUpdate,
  type LiveReplyUpdate,
  type LiveServerEvents,
  type Mention,
  type MentionNote,
  type MentionPresence,
  type NotificationView,
  type PresenceList,
} from '@sigap/contracts';
import type { Socket } from 'socket.io-client';

/** `connecting` only before the first successful connection. */
export type LiveConnectionState = 'connecting' | 'live' | 'disconnected' | 'reconnected';

export interface LiveStatus {
  state: LiveConnectionState;
  /** Mentions replayed after the last reconnect (LiveHello.replayed). */
  replayed: number;
  /** The last reconnect found too large a gap; lists were reloaded over REST. */
  resync: boolean;
}

/** The part of a socket.io client socket the live client uses (a fake stands in for tests). */
export interface LiveSocket {
  readonly active: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
  on(event: typeof LIVE_EVENTS.hello, listener: (hello: LiveHello) => void): unknown;
  on(event: typeof LIVE_EVENTS.mentions, listener: (batch: Mention[]) => void): unknown;
  on(event: typeof LIVE_EVENTS.mentionUpdated, listener: (update: LiveMentionUpdate) => void): unknown;
  on(event: typeof LIVE_EVENTS.replyUpdated, listener: (update: LiveReplyUpdate) => void): unknown;
  on(event: typeof LIVE_EVENTS.presence, listener: (list: PresenceList) => void): unknown;
  on(event: typeof LIVE_EVENTS.mentionPresence, listener: (presence: MentionPresence) => void): unknown;
  on(event: typeof LIVE_EVENTS.mentionNote, listener: (note: MentionNote) => void): unknown;
  on(event: typeof LIVE_EVENTS.notification, listener: (notification: NotificationView) => void): unknown;
  /** Sends a presence event; the server answers through `ack`. */
  emit(event: LivePresenceEvent, payload: unknown, ack: (answer: CollabAck) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export type LiveSocketFactory = (auth: () => LiveHandshakeAuth) => LiveSocket;

export type LivePresenceEvent = (typeof LIVE_CLIENT_EVENTS)[keyof typeof LIVE_CLIENT_EVENTS];

export interface LiveClientOptions {
  getToken: () => string | null;
  onMentions: (batch: Mention[]) => void;
  /** Someone claimed, released or changed the status of a mention. */
  onMentionUpdated?: (update: LiveMentionUpdate) => void;
  /** A reply was created or changed status (approval, delivery, failure). */
  onReplyUpdated?: (update: LiveReplyUpdate) => void;
  /** Who is online (sent when it changes). */
  onPresence?: (list: PresenceList) => void;
  /** Who views or types on a mention. */
  onMentionPresence?: (presence: MentionPresence) => void;
  /** A colleague wrote an internal note on a mention one may see. */
  onMentionNote?: (note: MentionNote) => void;
  /** A new notification for the signed-in user. */
  onNotification?: (notification: NotificationView) => void;
  /** How often to send `presence:heartbeat` while connected. */
  heartbeatMs?: number;
  /** The server could not replay the gap: reload the lists over REST. */
  onResync: () => void;
  /** The server refused the handshake; the token may have expired. */
  onRejected: (error: Error) => void;
  onStatus: (status: LiveStatus) => void;
  createSocket?: LiveSocketFactory;
  /** How long "reconnected, N loaded" stays before the indicator returns to "live". */
  reconnectedNoticeMs?: number;
  /** First wait after the server refused before trying again by hand (socket.io will not); doubles up to a minute. */
  rejectedRetryMs?: number;
  /** How long to wait for `hello` after connecting before assuming an old server without it. */
  helloTimeoutMs?: number;
}

export const connectLiveSocket: LiveSocketFactory = (auth) => {
  const socket: Socket<LiveServerEvents, LiveClientEvents> = io(LIVE_NAMESPACE, {
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    // Called on every (re)connection, so each attempt carries the current `since`.
    auth: (callback) => callback({ ...auth() }),
  });
  return socket as unknown as LiveSocket;
};

/**
 * One connection to the `/live` namespace: tracks the highest `seq` received so a reconnect
 * asks the server to replay the gap, and reports a connection state for the indicator.
 */
export class LiveClient {
  private socket: LiveSocket | null = null;
  private lastSeq: number | undefined;
  private everLive = false;
  private stopped = false;
  private status: LiveStatus = { state: 'connecting', replayed: 0, resync: false };
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private helloTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private refusals = 0;
  private connected = false;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private viewing: string | null = null;
  private typingOn: string | null = null;

  constructor(private readonly options: LiveClientOptions) {}

  /** The `since` the next handshake will send. */
  get since(): number | undefined {
    return this.lastSeq;
  }

  start(): void {
    const create = this.options.createSocket ?? connectLiveSocket;
    const socket = create(() => this.handshake());
    this.socket = socket;

    socket.on('connect', () => {
      this.connected = true;
      // The server forgot this socket's view with the previous connection.
      if (this.viewing) this.send(LIVE_CLIENT_EVENTS.view, { mentionId: this.viewing });
      clearTimeout(this.helloTimer);
      this.helloTimer = setTimeout(
        () => this.handleHello({ seq: this.lastSeq ?? 0, replayed: 0, resync: false }),
        this.options.helloTimeoutMs ?? 5_000,
      );
    });
    socket.on(LIVE_EVENTS.hello, (hello) => this.handleHello(hello));
    socket.on(LIVE_EVENTS.mentions, (batch) => this.handleMentions(batch));
    socket.on(LIVE_EVENTS.mentionUpdated, (update) => {
      if (!this.stopped && update && typeof update.id === 'string') this.options.onMentionUpdated?.(update);
    });
    socket.on(LIVE_EVENTS.replyUpdated, (update) => {
      if (!this.stopped && update && typeof update.id === 'string' && typeof update.mentionId === 'string') this.options.onReplyUpdated?.(update);
    });
    socket.on(LIVE_EVENTS.presence, (list) => {
      if (!this.stopped && Array.isArray(list?.users)) this.options.onPresence?.(list);
    });
    socket.on(LIVE_EVENTS.mentionPresence, (presence) => {
      if (!this.stopped && typeof presence?.mentionId === 'string' && Array.isArray(presence.viewers)) this.options.onMentionPresence?.(presence);
    });
    socket.on(LIVE_EVENTS.mentionNote, (note) => {
      if (!this.stopped && typeof note?.id === 'number' && typeof note.mentionId === 'string') this.options.onMentionNote?.(note);
    });
    socket.on(LIVE_EVENTS.notification, (notification) => {
      if (!this.stopped && typeof notification?.id === 'number') this.options.onNotification?.(notification);
    });
    socket.on('disconnect', (reason) => {
      this.connected = false;
      if (this.stopped) return;
      clearTimeout(this.helloTimer);
      this.setStatus({ state: 'disconnected', replayed: 0, resync: false });
      // The server closed the socket itself: socket.io will not reconnect on its own.
      if (reason === 'io server disconnect') this.handleRejected(new Error('Disconnected by server'));
    });
    socket.on('connect_error', (error) => {
      if (this.stopped) return;
      this.setStatus({ state: 'disconnected', replayed: 0, resync: false });
      // An inactive socket means the server refused the handshake rather than a network error.
      if (!socket.active) this.handleRejected(error);
    });
    socket.connect();
    this.heartbeatTimer = setInterval(() => {
      if (this.connected) this.send(LIVE_CLIENT_EVENTS.heartbeat, {});
    }, this.options.heartbeatMs ?? PRESENCE_HEARTBEAT_MS);
  }

  /** The mention shown in the detail pane (null: none); colleagues who may see it are told. */
  setViewing(mentionId: string | null): void {
    if (this.viewing === mentionId) return;
    this.viewing = mentionId;
    this.typingOn = null;
    if (this.connected) this.send(LIVE_CLIENT_EVENTS.view, { mentionId });
  }

  /** Started or stopped typing a reply or note on a mention; repeated calls with the same state are dropped. */
  setTyping(mentionId: string, typing: boolean): void {
    if ((this.typingOn === mentionId) === typing) return;
    this.typingOn = typing ? mentionId : null;
    if (typing) this.viewing = mentionId;
    if (this.connected) this.send(LIVE_CLIENT_EVENTS.typing, { mentionId, typing });
  }

  private send(event: LivePresenceEvent, payload: unknown): void {
    // A refused presence event (e.g. a mention routed elsewhere meanwhile) only loses an indicator.
    this.socket?.emit(event, payload, () => undefined);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.noticeTimer);
    clearTimeout(this.helloTimer);
    clearTimeout(this.retryTimer);
    this.socket?.disconnect();
    this.socket = null;
  }

  private handshake(): LiveHandshakeAuth {
    const auth: LiveHandshakeAuth = { token: this.options.getToken() ?? '' };
    if (this.lastSeq !== undefined) auth.since = this.lastSeq;
    return auth;
  }

  private handleHello(hello: LiveHello): void {
    clearTimeout(this.helloTimer);
    if (this.stopped) return;
    this.refusals = 0;
    // Replayed mentions carry their own seq; otherwise everything up to hello.seq is accounted for.
    if (hello.resync || hello.replayed === 0) this.bumpSeq(hello.seq);
    if (hello.resync) this.options.onResync();

    clearTimeout(this.noticeTimer);
    if (!this.everLive) {
      this.everLive = true;
      // Lists fetched before this first join may miss mentions stored in between; reload them once.
      this.options.onResync();
      this.setStatus({ state: 'live', replayed: 0, resync: false });
      return;
    }
    this.setStatus({ state: 'reconnected', replayed: hello.replayed, resync: hello.resync });
    this.noticeTimer = setTimeout(
      () => this.setStatus({ state: 'live', replayed: 0, resync: false }),
      this.options.reconnectedNoticeMs ?? 10_000,
    );
  }

  private handleMentions(batch: Mention[]): void {
    if (this.stopped || !Array.isArray(batch) || batch.length === 0) return;
    for (const mention of batch) this.bumpSeq(mention.seq);
    this.options.onMentions(batch);
  }

  private handleRejected(error: Error): void {
    this.options.onRejected(error);
    clearTimeout(this.retryTimer);
    const delay = Math.min((this.options.rejectedRetryMs ?? 5_000) * 2 ** this.refusals, 60_000);
    this.refusals += 1;
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && this.options.getToken() && this.socket && !this.socket.active) this.socket.connect();
    }, delay);
  }

  private bumpSeq(seq: number): void {
    if (typeof seq === 'number' && Number.isFinite(seq) && (this.lastSeq === undefined || seq > this.lastSeq)) {
      this.lastSeq = seq;
    }
  }

  private setStatus(status: LiveStatus): void {
    const current = this.status;
    if (current.state === status.state && current.replayed === status.replayed && current.resync === status.resync) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
