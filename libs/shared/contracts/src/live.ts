import type { CollabAck, MentionNote, MentionPresence, PresenceList, PresenceTypingRequest, PresenceViewRequest } from './collab';
import type { Mention, MentionDeskState, MentionFollowUpLink } from './mention';
import type { LiveReplyUpdate } from './replies';
import type { NotificationView } from './notifications';

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
  /** Who is online (supervisors see everyone; an admin, people sharing an OPD and supervisors). */
  presence: (list: PresenceList) => void;
  /** Who has a mention open and who is typing on it; sent to every room that may see it. */
  mentionPresence: (presence: MentionPresence) => void;
  /** A new internal note on a mention; sent to every room that may see it. */
  mentionNote: (note: MentionNote) => void;
  /** A new notification for this user only (room `user:<id>`). */
  notification: (notification: NotificationView) => void;
}

export interface LiveMentionUpdate extends MentionDeskState {
  seq?: number;
  /** Present when the change was a ticket link (`POST /mentions/:id/follow-up`). */
  followUpOf?: MentionFollowUpLink | null;
}

/** Events a client may send; each is answered with a `CollabAck`. */
export interface LiveClientEvents {
  /** Every PRESENCE_HEARTBEAT_MS while the dashboard is open. */
  'presence:heartbeat': (payload: Record<string, never> | undefined, ack: (answer: CollabAck<{ at: string }>) => void) => void;
  /** The mention shown in the detail pane (null: none). */
  'presence:view': (payload: PresenceViewRequest, ack: (answer: CollabAck<{ viewers: MentionPresence['viewers'] }>) => void) => void;
  /** Started or stopped typing a reply or note on a mention. */
  'presence:typing': (payload: PresenceTypingRequest, ack: (answer: CollabAck<{ viewers: MentionPresence['viewers'] }>) => void) => void;
}

export const LIVE_EVENTS = {
  mentions: 'mentions',
  hello: 'hello',
  mentionUpdated: 'mentionUpdated',
  replyUpdated: 'replyUpdated',
  presence: 'presence',
  mentionPresence: 'mentionPresence',
  mentionNote: 'mentionNote',
  notification: 'notification',
} as const;

export const LIVE_CLIENT_EVENTS = {
  heartbeat: 'presence:heartbeat',
  view: 'presence:view',
  typing: 'presence:typing',
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
