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
