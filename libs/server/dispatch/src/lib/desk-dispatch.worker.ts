import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DESK_DISPATCH_QUEUE, NOTIFY_OUTBOUND_QUEUE, type DeskDispatchJobs, type NotifyOutboundJobData } from '@sigap/contracts';
import { SIGAP_CONFIG, redisOptionsFromUrl, type SigapConfig } from '@sigap/server/core';
import { Worker, type Job } from 'bullmq';
import { AssignmentService } from './assignment.service';
import { DispatchRepository } from './dispatch.repository';
import { EscalationService } from './escalation.service';
import { IdleClaimService } from './idle-claim.service';
import { OutboundNotifier } from './outbound.notifier';

type DeskJob = { [K in keyof DeskDispatchJobs]: Job<DeskDispatchJobs[K], unknown, K> }[keyof DeskDispatchJobs];
type DeskJobData = DeskDispatchJobs[keyof DeskDispatchJobs];

/** Consumes the desk's jobs (dispatch, escalation rungs, idle claims) and the outbound messages to staff. */
@Injectable()
export class DeskDispatchWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeskDispatchWorker.name);
  private workers: Worker[] = [];

  constructor(
    private readonly dispatch: DispatchRepository,
    private readonly assignment: AssignmentService,
    private readonly escalation: EscalationService,
    private readonly idleClaims: IdleClaimService,
    private readonly outbound: OutboundNotifier,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
  ) {}

  onApplicationBootstrap(): void {
    const options = { connection: redisOptionsFromUrl(this.config.redisUrl), prefix: `${this.config.redisPrefix}:bull` };
    const desk = new Worker<DeskJobData>(DESK_DISPATCH_QUEUE, (job) => this.handle(job as DeskJob), { ...options, concurrency: 8 });
    const outbound = new Worker<NotifyOutboundJobData>(NOTIFY_OUTBOUND_QUEUE, (job) => this.outbound.deliver(job.data), { ...options, concurrency: 4 });
    for (const worker of [desk, outbound]) {
      worker.on('failed', (job, err) => this.logger.warn({ queue: worker.name, jobId: job?.id, err: err.message }, 'desk job failed'));
      worker.on('error', (err) => this.logger.error({ err, queue: worker.name }, 'desk worker error'));
    }
    this.workers = [desk, outbound];
  }

  private async handle(job: DeskJob): Promise<void> {
    switch (job.name) {
      case 'dispatch': {
        const mentions = await this.dispatch.mentionsForDispatch(job.data.mentionIds);
        await this.assignment.assignStored(mentions);
        await this.escalation.startClocks(mentions);
        return;
      }
      case 'escalate':
        return this.escalation.escalate(job.data.mentionId, job.data.level, job.data.clockStartedAt ?? job.timestamp);
      case 'release-idle':
        return this.idleClaims.releaseIfIdle(job.data.mentionId, job.data.userId);
      case 'claim-released':
        return this.escalation.restartClock(job.data.mentionId);
      case 'forwarded': {
        // Its ladder was reset by the forward: the restarted clock begins again at the first rung.
        await this.assignment.assignStored(await this.dispatch.mentionsForDispatch([job.data.mentionId]));
        return this.escalation.restartClock(job.data.mentionId);
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers = [];
  }
}
