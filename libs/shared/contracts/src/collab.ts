import type { Channel, MentionFollowUpLink } from './mention';
import type { MentionStatus } from './status-workflow';
import type { NotificationView } from './notifications';
import type { Role } from './auth';

// ---------------------------------------------------------------------------------------------
// Presence and collision detection (socket events on `/live`, see LiveClientEvents/LiveServerEvents)
// ---------------------------------------------------------------------------------------------

/** How often a dashboard sends `presence:heartbeat`; the server forgets a user after SIGAP_PRESENCE_TTL_SECONDS without one. */
export const PRESENCE_HEARTBEAT_MS = 20_000;
/** The online list is broadcast at most this often, and only when it changed. */
export const PRESENCE_BROADCAST_MS = 2_000;

/** Error codes of a refused client event; the same meanings as the REST codes (INTERNAL: try again later). */
export type CollabAckErrorCode = 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION_FAILED' | 'INTERNAL';

/** The acknowledgement of every client → server collab event. */
export type CollabAck<T extends object = object> = ({ ok: true } & T) | { ok: false; code: CollabAckErrorCode; message: string };

export interface PresenceViewRequest {
  /** The mention shown in the detail pane, or null when none is. */
  mentionId: string | null;
}

export interface PresenceTypingRequest {
  mentionId: string;
  typing: boolean;
}

/** Someone signed in to the dashboard within the presence TTL. */
export interface OnlineUser {
  id: string;
  name: string;
  role: Role;
  opds: string[];
  /** The mention they have open, when the recipient may see it; otherwise null. */
  viewing: string | null;
}

/** Server → client `presence`: who is online (for an admin, people sharing an OPD and supervisors). */
export interface PresenceList {
  users: OnlineUser[];
  at: string;
}

export interface MentionViewer {
  id: string;
  name: string;
  typing: boolean;
}

/** Server → client `mentionPresence`: who has this mention open and who is typing on it. */
export interface MentionPresence {
  mentionId: string;
  viewers: MentionViewer[];
}

/**
 * Redis pub/sub channel (prefixed) on which an API instance announces a mention's viewers as JSON
 * `{ opdCodes, presence }`; every instance relays it to its rooms that may see the mention.
 */
export const LIVE_MENTION_PRESENCE_CHANNEL = 'live:mention-presence';

/**
 * Redis pub/sub channel (prefixed) on which a new note is announced as JSON `{ opdCodes, note }`;
 * every instance relays it as `mentionNote` to its rooms that may see the mention.
 */
export const LIVE_MENTION_NOTE_CHANNEL = 'live:mention-note';

/** Socket.io room of one user's sockets (notifications). */
export const liveUserRoom = (userId: string): string => `user:${userId}`;

// ---------------------------------------------------------------------------------------------
// Internal notes with @mentions
// ---------------------------------------------------------------------------------------------

export const NOTE_MAX_LENGTH = 2000;

/**
 * A colleague's handle is the local part of their e-mail address, lowercased: `budi.s` for
 * `Budi.S@bandung.go.id`, written `@budi.s` in a note. A handle starts after a space, a line
 * start or an opening bracket (so e-mail addresses in the text are not handles), consists of
 * letters, digits, `.`, `_`, `-` and `+`, and loses trailing dots ("thanks @budi." is `budi`).
 */
export const NOTE_HANDLE_PATTERN = /(^|[\s([{'"])@([a-z0-9][a-z0-9._+-]*)/gi;

/** The distinct handles written in a note, lowercased, in order of appearance. */
export function handlesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(NOTE_HANDLE_PATTERN)) {
    const handle = match[2].replace(/\.+$/, '').toLowerCase();
    if (handle && !found.includes(handle)) found.push(handle);
  }
  return found;
}

/** The handle of an e-mail address (its local part, lowercased). */
export function handleOfEmail(email: string): string {
  return email.slice(0, email.lastIndexOf('@') >= 0 ? email.lastIndexOf('@') : email.length).toLowerCase();
}

export interface NoteCreateRequest {
  text: string;
}

export interface NoteUser {
  id: string;
  name: string;
  handle: string;
}

export interface MentionNote {
  id: number;
  mentionId: string;
  author: NoteUser | null;
  text: string;
  /** Colleagues the note @mentioned who could be resolved (and were notified). */
  mentionedUsers: NoteUser[];
  createdAt: string;
}

export interface UnresolvedHandle {
  handle: string;
  /** `unknown`: nobody active has it; `no_access`: they may not see this mention; `ambiguous`: several people share it. */
  reason: 'unknown' | 'no_access' | 'ambiguous';
}

/** Answer of `POST /api/v1/mentions/:id/notes`. */
export interface NoteCreated {
  note: MentionNote;
  /** Handles in the text nobody was notified for. */
  unresolved: UnresolvedHandle[];
}

/** One row of `GET /api/v1/users/mentionable?mentionId=&q=` (the @autocomplete). */
export interface MentionableUser extends NoteUser {
  role: Role;
}

export const MENTIONABLE_LIMIT = 10;

// ---------------------------------------------------------------------------------------------
// Notifications (REST; live as server event `notification`)
// ---------------------------------------------------------------------------------------------

export interface NotificationPage {
  items: NotificationView[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
  unreadCount: number;
}

/** `POST /api/v1/notifications/read`: either the ids, or everything. */
export type NotificationReadRequest = { ids: number[] } | { all: true };

export interface NotificationReadResult {
  updated: number;
  unreadCount: number;
}

export interface UnreadCount {
  unreadCount: number;
}

// ---------------------------------------------------------------------------------------------
// Conversation timeline
// ---------------------------------------------------------------------------------------------

/** How far back and ahead other messages of the same citizen are shown in a timeline. */
export const TIMELINE_SAME_AUTHOR_DAYS = 30;

export interface TimelineActor {
  id: string;
  name: string;
}

interface TimelineBase {
  /** ISO time the item happened; the timeline is sorted by it (ties by kind order, then id). */
  at: string;
}

/**
 * A citizen's message: this mention, another one of theirs nearby in time, or one of its ticket's
 * thread (the ticket it follows up and that ticket's other follow-ups, or its own follow-ups).
 */
export interface TimelineMessage extends TimelineBase {
  kind: 'message';
  mentionId: string;
  ticketNumber: string;
  /** True for the mention the timeline is about. */
  current: boolean;
  /** True when it belongs to this mention's ticket thread (possibly written from another account). */
  linkedByTicket: boolean;
  /** The ticket this message follows up, if any. */
  followUpOf: MentionFollowUpLink | null;
  channel: Channel;
  author: { handle: string; name: string | null };
  text: string;
  status: MentionStatus;
}

export interface TimelineNote extends TimelineBase {
  kind: 'note';
  note: MentionNote;
}

interface TimelineAuditBase extends TimelineBase {
  /** The audit row id. */
  id: number;
  action: string;
  actor: TimelineActor | null;
}

export interface TimelineClaim extends TimelineAuditBase {
  kind: 'claim';
}

export interface TimelineRelease extends TimelineAuditBase {
  kind: 'release';
}

export interface TimelineStatusChange extends TimelineAuditBase {
  kind: 'status';
  from: MentionStatus | null;
  to: MentionStatus | null;
  reason: string | null;
}

export interface TimelineAssignment extends TimelineAuditBase {
  kind: 'assignment';
  assignee: TimelineActor | null;
}

/** `reply.create`, `reply.approve`, `reply.return`, `reply.sent`, `reply.failed`. */
export interface TimelineReply extends TimelineAuditBase {
  kind: 'reply';
  replyId: string | null;
  replyStatus: string | null;
  text: string | null;
}

/** Any other audited action on the mention (labels, corrections…). */
export interface TimelineOther extends TimelineAuditBase {
  kind: 'other';
  after: unknown;
}

export type TimelineItem =
  | TimelineMessage
  | TimelineNote
  | TimelineClaim
  | TimelineRelease
  | TimelineStatusChange
  | TimelineAssignment
  | TimelineReply
  | TimelineOther;

export type TimelineItemKind = TimelineItem['kind'];

export interface MentionTimeline {
  mentionId: string;
  items: TimelineItem[];
}

/** Which timeline kind an audit action is shown as. */
export function timelineKindOfAction(action: string): Exclude<TimelineItemKind, 'message' | 'note'> {
  if (action === 'mention.claim') return 'claim';
  // Releases by hand and automatic ones (idle claims) alike, whatever their suffix.
  if (action.startsWith('mention.') && action.includes('release')) return 'release';
  if (action === 'mention.status') return 'status';
  if (action.startsWith('mention.assign')) return 'assignment';
  if (action.startsWith('reply.')) return 'reply';
  return 'other';
}

/** Audit actions that already appear as their own item (a note is shown from its table). */
export const TIMELINE_HIDDEN_ACTIONS: readonly string[] = ['note.create'];
