import type { MentionInput } from './mention';

/** BullMQ queue names. Keys in Redis are further prefixed per deployment (SIGAP_REDIS_PREFIX). */
export const QUEUES = {
  /** One job per accepted mention: triage, then store in a batch, then notify the live stream. */
  ingest: 'mentions-ingest',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface IngestJobData {
  /** Deterministic id derived from (channel, externalId); also the job id. */
  id: string;
  mention: MentionInput;
  receivedAt: string;
}

/** Redis pub/sub channel (prefixed) on which workers announce the highest stored seq. */
export const LIVE_NOTIFY_CHANNEL = 'live:stored';

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
