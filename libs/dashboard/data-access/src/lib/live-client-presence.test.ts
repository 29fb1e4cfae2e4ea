import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveHandshakeAuth, MentionNote, MentionPresence, NotificationView, PresenceList } from '@sigap/contracts';
import { LiveClient, type LivePresenceEvent, type LiveSocket } from './live-client';

type Listener = (...args: never[]) => void;

/** A socket.io stand-in that records what the client sends. */
class RecordingSocket implements LiveSocket {
  active = false;
  sent: [LivePresenceEvent, unknown][] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(private readonly auth: () => LiveHandshakeAuth) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  connect(): this {
    this.active = true;
    this.auth();
    return this;
  }

  disconnect(): this {
    this.active = false;
    return this;
  }

  emit(event: LivePresenceEvent, payload: unknown): this {
    this.sent.push([event, payload]);
    return this;
  }

  serverSends(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...values: unknown[]) => void)(...args);
  }
}

describe('LiveClient presence', () => {
  let socket: RecordingSocket;
  let client: LiveClient;
  const presence: PresenceList[] = [];
  const mentionPresence: MentionPresence[] = [];
  const notifications: NotificationView[] = [];
  const notes: MentionNote[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    client = new LiveClient({
      getToken: () => 'token',
      onMentions: () => undefined,
      onResync: () => undefined,
      onRejected: () => undefined,
      onStatus: () => undefined,
      onPresence: (list) => presence.push(list),
      onMentionPresence: (update) => mentionPresence.push(update),
      onNotification: (notification) => notifications.push(notification),
      onMentionNote: (note) => notes.push(note),
      heartbeatMs: 20_000,
      createSocket: (auth) => {
        socket = new RecordingSocket(auth);
        return socket;
      },
    });
    client.start();
  });

  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  it('sends heartbeats only while connected', () => {
    vi.advanceTimersByTime(20_000);
    expect(socket.sent).toEqual([]);
    socket.serverSends('connect');
    vi.advanceTimersByTime(40_000);
    expect(socket.sent).toEqual([
      ['presence:heartbeat', {}],
      ['presence:heartbeat', {}],
    ]);
  });

  it('sends a view and typing changes once each, and repeats the view after a reconnect', () => {
    socket.serverSends('connect');
    client.setViewing('m1');
    client.setViewing('m1');
    client.setTyping('m1', true);
    client.setTyping('m1', true);
    client.setTyping('m1', false);
    socket.serverSends('disconnect', 'transport close');
    client.setViewing('m2');
    socket.serverSends('connect');
    expect(socket.sent).toEqual([
      ['presence:view', { mentionId: 'm1' }],
      ['presence:typing', { mentionId: 'm1', typing: true }],
      ['presence:typing', { mentionId: 'm1', typing: false }],
      ['presence:view', { mentionId: 'm2' }],
    ]);
  });

  it('hands presence and notifications to their handlers, ignoring malformed ones', () => {
    socket.serverSends('presence', { users: [], at: 'now' });
    socket.serverSends('presence', { nope: true });
    socket.serverSends('mentionPresence', { mentionId: 'm1', viewers: [{ id: 'u', name: 'Budi', typing: true }] });
    socket.serverSends('mentionNote', { id: 3, mentionId: 'm1', text: 'cek' });
    socket.serverSends('mentionNote', { id: 3 });
    socket.serverSends('notification', { id: 'x' });
    socket.serverSends('notification', { id: 7, kind: 'note_mention' });
    expect(presence).toHaveLength(1);
    expect(mentionPresence).toEqual([{ mentionId: 'm1', viewers: [{ id: 'u', name: 'Budi', typing: true }] }]);
    expect(notifications.map((n) => n.id)).toEqual([7]);
    expect(notes.map((n) => n.id)).toEqual([3]);
  });
});
