import type { MentionInput } from './mention';

/** BullMQ queue names. Keys in Redis are further prefixed per deployment (SIGAP_REDIS_PREFIX). */
export const QUEUES = {
  /** One job per ingest request (its accepted mentions): triage, store in batches, notify the live stream. */
  ingest: 'mentions-ingest',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface IngestJobItem {
  /** Deterministic id derived from (channel, externalId): the mention's primary key. */
  id: string;
  mention: MentionInput;
}

export interface IngestJobData {
  /** The mentions one ingest request accepted: one for a webhook, up to 1,000 for a batch. */
  items: IngestJobItem[];
  receivedAt: string;
}

/** What an ingest job reports when it completes. */
export interface IngestJobResult {
  stored: number;
  /** Already in the database: a retried job or a repeat from another request. */
  alreadyStored: number;
}

/** Redis pub/sub channel (prefixed) on which workers announce the highest stored seq. */
export const LIVE_NOTIFY_CHANNEL = 'live:stored';

/**
 * Redis pub/sub channel (prefixed) on which an API instance announces a claim, release or status
 * change, as JSON `{ opdCodes, update }`; every API instance relays it to its live rooms.
 */
export const LIVE_UPDATE_CHANNEL = 'live:updated';

export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface FailedJobView {
  id: string;
  queue: string;
  failedReason: string;
  attemptsMade: number;
  timestamp: string;
  data: unknown;
}

/** Retraining of the learned triage model: its own queue, one job at a time, never the ingest queue. */
export const MODEL_TRAINING_QUEUE = 'triage-model-training';

export interface ModelTrainingJobData {
  /** `schedule` for the repeatable job, `manual` when a supervisor asked for it. */
  trigger: 'schedule' | 'manual';
  /** The user who asked, for a manual run. */
  requestedBy?: string;
}

/** Housekeeping of the `sessions` table: a repeatable job deleting sessions that ended long ago. */
export const SESSIONS_CLEANUP_QUEUE = 'sessions-cleanup';

/** Sessions expired or revoked longer ago than this are deleted. */
export const SESSION_RETENTION_DAYS = 30;

/** The replies outbox: one job per reply to deliver (job id = reply id, so a reply is queued once). */
export const REPLIES_OUTBOX_QUEUE = 'replies-outbox';

export interface ReplyOutboxJobData {
  replyId: string;
}

/**
 * Redis pub/sub channel (prefixed) on which a reply's status change is announced, as JSON
 * `{ opdCodes, reply }` (its mention's OPDs); every API instance relays it to its live rooms.
 */
export const LIVE_REPLY_CHANNEL = 'live:reply-updated';

/**
 * The desk's own jobs: round-robin assignment of stored mentions, the escalation ladder and the
 * release of idle claims (delayed jobs, no polling). Job names are the keys of `DeskDispatchJobs`.
 */
export const DESK_DISPATCH_QUEUE = 'desk-dispatch';

export interface DeskDispatchJobs {
  /** One per stored batch: assign each new mention round-robin and start its escalation clock. */
  dispatch: { mentionIds: string[] };
  /**
   * Due when the mention has waited its urgency's limit at the previous level. `clockStartedAt`
   * (ms) is when that wait began: the limit in effect when the job fires is measured from it
   * (absent in jobs queued before it existed: the job's own creation time is used).
   */
  escalate: { mentionId: string; level: number; clockStartedAt?: number };
  /** Due when a claim may have been idle for the configured time. */
  'release-idle': { mentionId: string; userId: string };
  /** A claim was released (by hand or for idleness): the mention's escalation clock starts again. */
  'claim-released': { mentionId: string };
  /** Forwarded to another OPD: assigned round-robin there, and its escalation ladder starts over. */
  forwarded: { mentionId: string };
}
export type DeskDispatchJobName = keyof DeskDispatchJobs;

/** BullMQ job ids may not contain `:`; these keep duplicates of one step collapsing into one job. */
export const deskJobIds = {
  dispatch: (firstMentionId: string) => `dispatch-${firstMentionId}`,
  /** A rung restarted after a claim was released gets its own id (the first one may still be kept as completed). */
  escalate: (mentionId: string, level: number, restartedAtMs?: number) =>
    restartedAtMs === undefined ? `esc-${mentionId}-${level}` : `esc-${mentionId}-${level}-r${restartedAtMs}`,
  /** A rung that fired before its (lengthened) limit and waits again until `dueAtMs`. */
  escalateDeferred: (mentionId: string, level: number, dueAtMs: number) => `esc-${mentionId}-${level}-d${dueAtMs}`,
  releaseIdle: (mentionId: string, dueAtMs: number) => `idle-${mentionId}-${dueAtMs}`,
  claimReleased: (mentionId: string, atMs: number) => `released-${mentionId}-${atMs}`,
  forwarded: (mentionId: string, atMs: number) => `forwarded-${mentionId}-${atMs}`,
};

/** Messages to people outside the dashboard (escalations to Telegram or WhatsApp), through the channel layer. */
export const NOTIFY_OUTBOUND_QUEUE = 'notify-outbound';

export interface NotifyOutboundJobData {
  channel: 'telegram' | 'whatsapp';
  /** A Telegram chat id or a WhatsApp number. */
  to: string;
  text: string;
}

/**
 * Every queue whose depth and failed jobs supervisors see on the admin page (and may retry), in
 * the order the page lists them. A queue missing here is invisible to staff when its jobs fail.
 */
export const ADMIN_QUEUES = [
  QUEUES.ingest,
  REPLIES_OUTBOX_QUEUE,
  DESK_DISPATCH_QUEUE,
  NOTIFY_OUTBOUND_QUEUE,
  MODEL_TRAINING_QUEUE,
  SESSIONS_CLEANUP_QUEUE,
] as const;
export type AdminQueueName = (typeof ADMIN_QUEUES)[number];
