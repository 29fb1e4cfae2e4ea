import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveHandshakeAuth, LiveHello, Mention } from '@sigap/contracts';
import { makeMention } from '../testing/mention.fixture';
import { LiveClient, type LiveSocket, type LiveStatus } from './live-client';

type Listener = (...args: never[]) => void;

/** Stands in for a socket.io socket: the test plays the server. */
class FakeSocket implements LiveSocket {
  active = false;
  handshakes: LiveHandshakeAuth[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(private readonly auth: () => LiveHandshakeAuth) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  connect(): this {
    this.active = true;
    this.handshakes.push(this.auth());
    return this;
  }

  disconnect(): this {
    this.active = false;
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...values: unknown[]) => void)(...args);
  }

  /** The server accepted the (re)connection and said hello. */
  accept(hello: LiveHello): void {
    this.emit('connect');
    this.emit('hello', hello);
  }

  /** The connection dropped; socket.io reconnects by itself and sends a fresh handshake. */
  dropAndReconnect(): void {
    this.emit('disconnect', 'transport close');
    this.handshakes.push(this.auth());
  }
}

describe('LiveClient', () => {
  let socket: FakeSocket;
  let statuses: LiveStatus[];
  let received: Mention[][];
  let resyncs: number;
  let rejections: Error[];
  let token: string | null;
  let client: LiveClient;

  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
    received = [];
    resyncs = 0;
    rejections = [];
    token = 'token-1';
    client = new LiveClient({
      getToken: () => token,
      onMentions: (batch) => received.push(batch),
      onResync: () => {
        resyncs += 1;
      },
      onRejected: (error) => rejections.push(error),
      onStatus: (status) => statuses.push(status),
      createSocket: (auth) => {
        socket = new FakeSocket(auth);
        return socket;
      },
      reconnectedNoticeMs: 10_000,
    });
    client.start();
  });

  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  it('connects with the token and no `since` the first time, then goes live on hello', () => {
    expect(socket.handshakes).toEqual([{ token: 'token-1' }]);
    socket.accept({ seq: 40, replayed: 0, resync: false });
    expect(statuses.at(-1)).toEqual({ state: 'live', replayed: 0, resync: false });
  });

  it('passes the highest seq it holds as `since` on reconnect and reports what was replayed', () => {
    socket.accept({ seq: 40, replayed: 0, resync: false });
    socket.emit('mentions', [makeMention({ seq: 41 }), makeMention({ seq: 43 }), makeMention({ seq: 42 })]);
    expect(received).toHaveLength(1);

    socket.dropAndReconnect();
    expect(statuses.at(-1)?.state).toBe('disconnected');
    expect(socket.handshakes.at(-1)).toEqual({ token: 'token-1', since: 43 });

    socket.accept({ seq: 50, replayed: 7, resync: false });
    socket.emit('mentions', [makeMention({ seq: 50 })]);
    expect(statuses.at(-1)).toEqual({ state: 'reconnected', replayed: 7, resync: false });
    expect(client.since).toBe(50);

    vi.advanceTimersByTime(10_000);
    expect(statuses.at(-1)).toEqual({ state: 'live', replayed: 0, resync: false });
  });

  it('reloads lists once on the first join, so nothing stored before it is missed', () => {
    expect(resyncs).toBe(0);
    socket.accept({ seq: 10, replayed: 0, resync: false });
    expect(resyncs).toBe(1);
    socket.dropAndReconnect();
    socket.accept({ seq: 12, replayed: 2, resync: false });
    expect(resyncs).toBe(1);
  });

  it('asks for a REST reload when the server cannot replay the gap', () => {
    socket.accept({ seq: 10, replayed: 0, resync: false });
    socket.dropAndReconnect();
    socket.accept({ seq: 20_000, replayed: 0, resync: true });
    expect(resyncs).toBe(2);
    expect(statuses.at(-1)).toEqual({ state: 'reconnected', replayed: 0, resync: true });
    socket.dropAndReconnect();
    expect(socket.handshakes.at(-1)?.since).toBe(20_000);
  });

  it('sends the current token on each attempt', () => {
    socket.accept({ seq: 1, replayed: 0, resync: false });
    token = 'token-2';
    socket.dropAndReconnect();
    expect(socket.handshakes.at(-1)?.token).toBe('token-2');
  });

  it('reports a refused handshake and retries by hand, since socket.io will not', () => {
    socket.active = false;
    socket.emit('connect_error', new Error('unauthorized'));
    expect(rejections.map((error) => error.message)).toEqual(['unauthorized']);
    expect(statuses.at(-1)?.state).toBe('disconnected');

    vi.advanceTimersByTime(5_000);
    expect(socket.handshakes).toHaveLength(2);

    // Refused again: the next attempt waits twice as long.
    socket.active = false;
    socket.emit('connect_error', new Error('unauthorized'));
    vi.advanceTimersByTime(5_000);
    expect(socket.handshakes).toHaveLength(2);
    vi.advanceTimersByTime(5_000);
    expect(socket.handshakes).toHaveLength(3);
  });

  it('treats a network error while socket.io keeps retrying as a plain disconnection', () => {
    socket.active = true;
    socket.emit('connect_error', new Error('timeout'));
    expect(rejections).toEqual([]);
    expect(statuses.at(-1)?.state).toBe('disconnected');
  });

  it('goes live after connecting even if the server never says hello', () => {
    socket.emit('connect');
    vi.advanceTimersByTime(5_000);
    expect(statuses.at(-1)?.state).toBe('live');
  });
});
