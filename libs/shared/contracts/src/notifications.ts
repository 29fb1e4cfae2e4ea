/** What a dashboard notification is about. */
export const NOTIFICATION_KINDS = [
  /** A colleague @mentioned you in a note. */
  'note_mention',
  /** A mention was assigned to you (by hand or round-robin). */
  'assigned',
  /** An unclaimed mention passed its urgency's limit and the ladder reached you. */
  'escalation',
  /** A reply of yours was approved, or returned with a comment. */
  'reply_reviewed',
  /** A reply waits for your approval. */
  'approval_requested',
  /** Your idle claim was released. */
  'claim_released',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: number;
  /** Whom it is for. */
  userId: string;
  kind: NotificationKind;
  mentionId: string | null;
  /** Who caused it; null for the system (escalation, idle release). */
  actor: { id: string; name: string } | null;
  /** Kind-specific details for the text shown (a note excerpt, an escalation level…). */
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/**
 * Redis pub/sub channel (prefixed) on which a new notification is announced as JSON
 * `{ userId, notification }`; every API instance relays it to that user's socket room.
 */
export const LIVE_NOTIFY_USER_CHANNEL = 'live:notify-user';

/**
 * Redis sorted set (prefixed) of who is online: member user id, score the last heartbeat in
 * epoch milliseconds. Online means a heartbeat within SIGAP_PRESENCE_TTL_SECONDS.
 */
export const PRESENCE_ONLINE_KEY = 'presence:online';
