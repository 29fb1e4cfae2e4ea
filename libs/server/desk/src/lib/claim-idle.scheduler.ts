import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DESK_DISPATCH_QUEUE, deskJobIds, type DeskDispatchJobs } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Queue } from 'bullmq';
import { SettingsService } from '@sigap/server/settings';

/** Retries and retention shared by every job this scheduler adds. */
const DESK_EVENT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * The desk's jobs for the worker's dispatch module, on the desk's dispatch queue: the delayed check
 * that releases a claim left idle, the news that a claim ended, and that a mention was forwarded.
 */
@Injectable()
export class ClaimIdleScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(ClaimIdleScheduler.name);
  private readonly queue: Queue<DeskDispatchJobs['release-idle'] | DeskDispatchJobs['claim-released'] | DeskDispatchJobs['forwarded']>;

  constructor(
    @Inject(SIGAP_CONFIG) config: SigapConfig,
    private readonly settings: SettingsService,
  ) {
    this.queue = new Queue(DESK_DISPATCH_QUEUE, {
      connection: redisOptionsFromUrl(config.redisUrl),
      prefix: `${config.redisPrefix}:bull`,
    });
  }

  /**
   * Due `claimIdleSeconds` after `from` (the claim, or the last desk activity), and no sooner than
   * `minDelayMs` from now (a re-check must not reuse the id of the job that is running it).
   */
  schedule(mentionId: string, userId: string, from: Date, minDelayMs = 0): Promise<void> {
    return this.scheduleMany([{ mentionId, userId, from }], minDelayMs);
  }

  /** Many claims in one round trip (a cluster or a bulk claim). */
  async scheduleMany(claims: { mentionId: string; userId: string; from: Date }[], minDelayMs = 0): Promise<void> {
    if (claims.length === 0) return;
    const now = Date.now();
    try {
      await this.queue.addBulk(
        claims.map(({ mentionId, userId, from }) => {
          const dueAt = Math.max(from.getTime() + this.settings.current().claimIdleSeconds * 1000, now + minDelayMs);
          return {
            name: 'release-idle' as const,
            data: { mentionId, userId },
            opts: {
              // The same claim (and the same activity time) collapses into one check.
              jobId: deskJobIds.releaseIdle(mentionId, dueAt),
              delay: Math.max(0, dueAt - now),
              ...DESK_EVENT_JOB_OPTIONS,
            },
          };
        }),
      );
    } catch (err) {
      // The claims stand; only their automatic release is lost, and a supervisor can still release them.
      this.logger.warn({ err, count: claims.length }, 'could not schedule the idle-claim checks');
    }
  }

  /** Tells the dispatch worker a claim ended without the mention being closed, so its escalation clock restarts. */
  async claimReleased(mentionId: string): Promise<void> {
    const at = Date.now();
    try {
      await this.queue.add(
        'claim-released',
        { mentionId },
        { ...DESK_EVENT_JOB_OPTIONS, jobId: deskJobIds.claimReleased(mentionId, at) },
      );
    } catch (err) {
      this.logger.warn({ err, mentionId }, 'could not restart the escalation clock of a released mention');
    }
  }

  /** Mentions forwarded to another OPD: that OPD's round-robin and escalation ladder take them on. */
  async forwarded(mentionIds: string[]): Promise<void> {
    if (mentionIds.length === 0) return;
    const at = Date.now();
    try {
      await this.queue.addBulk(
        mentionIds.map((mentionId) => ({
          name: 'forwarded' as const,
          data: { mentionId },
          opts: { ...DESK_EVENT_JOB_OPTIONS, jobId: deskJobIds.forwarded(mentionId, at) },
        })),
      );
    } catch (err) {
      // The forward stands and the new OPD sees it; only its automatic assignment and ladder are lost.
      this.logger.warn({ err, count: mentionIds.length }, 'could not queue the dispatch of forwarded mentions');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
