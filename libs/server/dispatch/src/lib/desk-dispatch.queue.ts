import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  DESK_DISPATCH_QUEUE,
  NOTIFY_OUTBOUND_QUEUE,
  deskJobIds,
  type DeskDispatchJobs,
  type NotifyOutboundJobData,
} from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Queue, type Job, type JobsOptions } from 'bullmq';

const DESK_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

type DeskJobData = DeskDispatchJobs[keyof DeskDispatchJobs];

const DELAYED_PAGE = 1000;

export interface EscalationStep {
  mentionId: string;
  level: number;
  delayMs: number;
  /** When the wait this rung ends began. */
  clockStartedAtMs: number;
  restartedAtMs?: number;
  /** Set when a rung that fired too early waits again (its own job id). */
  deferredToMs?: number;
}

/** Producer side of the desk's own jobs: dispatching stored mentions and the escalation ladder. */
@Injectable()
export class DeskDispatchQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(DeskDispatchQueue.name);
  readonly queue: Queue<DeskJobData>;

  constructor(@Inject(SIGAP_CONFIG) private readonly config: SigapConfig) {
    this.queue = new Queue<DeskJobData>(DESK_DISPATCH_QUEUE, {
      connection: redisOptionsFromUrl(config.redisUrl),
      prefix: `${config.redisPrefix}:bull`,
    });
  }

  /**
   * One job for a whole stored batch (cheap on the ingest path). Its id comes from the batch's
   * first mention, stored only once, so a repeated announcement collapses into the same job.
   */
  async dispatchStored(mentionIds: string[]): Promise<void> {
    if (mentionIds.length === 0) return;
    try {
      await this.queue.add('dispatch', { mentionIds }, { ...DESK_JOB_OPTIONS, jobId: deskJobIds.dispatch(mentionIds[0]) });
    } catch (err) {
      // The mentions are stored and visible; they only miss automatic assignment and escalation.
      this.logger.error({ err, count: mentionIds.length }, 'could not queue the dispatch of stored mentions');
    }
  }

  /** Schedules rung `level` of each mention's ladder after its urgency's limit, counted from `clockStartedAtMs`. */
  async scheduleEscalations(steps: EscalationStep[]): Promise<void> {
    if (steps.length === 0) return;
    await this.queue.addBulk(
      steps.map(({ mentionId, level, delayMs, clockStartedAtMs, restartedAtMs, deferredToMs }) => ({
        name: 'escalate',
        data: { mentionId, level, clockStartedAt: clockStartedAtMs },
        opts: {
          ...DESK_JOB_OPTIONS,
          jobId: deferredToMs === undefined ? deskJobIds.escalate(mentionId, level, restartedAtMs) : deskJobIds.escalateDeferred(mentionId, level, deferredToMs),
          delay: Math.max(0, delayMs),
        },
      })),
    );
  }

  /** Every escalation rung still waiting for its time, read in pages before anything is moved. */
  async delayedEscalations(): Promise<Job<DeskDispatchJobs['escalate']>[]> {
    const found: Job<DeskDispatchJobs['escalate']>[] = [];
    for (let start = 0; ; start += DELAYED_PAGE) {
      const page = await this.queue.getDelayed(start, start + DELAYED_PAGE - 1);
      for (const job of page) if (job.name === 'escalate') found.push(job as Job<DeskDispatchJobs['escalate']>);
      if (page.length < DELAYED_PAGE) return found;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

/** Producer side of messages to staff outside the dashboard (Telegram, WhatsApp). */
@Injectable()
export class NotifyOutboundQueue implements OnApplicationShutdown {
  readonly queue: Queue<NotifyOutboundJobData>;

  constructor(@Inject(SIGAP_CONFIG) config: SigapConfig) {
    this.queue = new Queue<NotifyOutboundJobData>(NOTIFY_OUTBOUND_QUEUE, {
      connection: redisOptionsFromUrl(config.redisUrl),
      prefix: `${config.redisPrefix}:bull`,
    });
  }

  async send(messages: NotifyOutboundJobData[]): Promise<void> {
    if (messages.length === 0) return;
    await this.queue.addBulk(
      messages.map((data) => ({
        name: data.channel,
        data,
        opts: { attempts: 8, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } },
      })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
