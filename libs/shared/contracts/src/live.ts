import type { Mention, MentionDeskState } from './mention';
import type { LiveReplyUpdate } from './replies';

export const LIVE_NAMESPACE = '/live';

/** What a dashboard passes in the socket.io handshake `auth`. */
export interface LiveHandshakeAuth {
  token: string;
  /** The last `seq` the client holds; the server replays everything after it, in order. */
  since?: number;
}

export interface LiveHello {
  /** The newest seq already broadcast when the client joined. */
  seq: number;
  /** How many mentions were replayed because the client asked with `since`. */
  replayed: number;
  /** True when the gap was too large to replay; the client should refetch over REST. */
  resync: boolean;
}

/** Events the server sends on the `/live` namespace. */
export interface LiveServerEvents {
  mentions: (batch: Mention[]) => void;
  hello: (hello: LiveHello) => void;
  /** A mention was claimed, released or changed status; sent to every room that may see it. */
  mentionUpdated: (update: LiveMentionUpdate) => void;
  /** A reply was created or changed status (approval, delivery, failure); sent to every room that may see its mention. */
  replyUpdated: (update: LiveReplyUpdate) => void;
}

export interface LiveMentionUpdate extends MentionDeskState {
  seq?: number;
}

/** Events a client may send (none yet: live is server-push only). */
export type LiveClientEvents = Record<string, never>;

export const LIVE_EVENTS = {
  mentions: 'mentions',
  hello: 'hello',
  mentionUpdated: 'mentionUpdated',
  replyUpdated: 'replyUpdated',
} as const;

/**
 * Redis channel (under the Sigap prefix) on which the API announces revoked sessions, as
 * `{ sessionIds: string[] }`: the live gateways disconnect those sessions' sockets.
 */
export const LIVE_SESSIONS_REVOKED_CHANNEL = 'live:sessions-revoked';

/** Largest gap replayed on reconnect; beyond it the client is told to resync over REST. */
export const LIVE_MAX_REPLAY = 10_000;
/** Emits to one room are coalesced into at most one per interval. */
export const LIVE_FLUSH_INTERVAL_MS = 100;
