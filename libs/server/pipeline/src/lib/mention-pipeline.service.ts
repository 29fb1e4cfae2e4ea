import { Inject, Injectable, Logger } from '@nestjs/common';
import { LIVE_NOTIFY_CHANNEL, type IngestJobData, type IngestJobItem, type IngestJobResult, type MentionTags } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, redisKey, type SigapConfig } from '@sigap/server/core';
import { DeskDispatchQueue } from '@sigap/server/dispatch';
import { MentionsRepository, type MentionToStore } from '@sigap/server/mentions';
import { TriageService } from '@sigap/server/triage';
import type Redis from 'ioredis';
import { MentionClusterService } from './mention-cluster.service';
import { StoreBatcher } from './store-batcher';

export interface StoreOutcome {
  id: string;
  /** Set when this call wrote the row; absent when it was already stored (a retry or a replayed job). */
  seq?: number;
}

/** Triage → near-duplicate cluster → batched store → live notification, one job at a time (many in flight). */
@Injectable()
export class MentionPipelineService {
  private readonly logger = new Logger(MentionPipelineService.name);
  private readonly batcher: StoreBatcher<MentionToStore, StoreOutcome>;

  constructor(
    private readonly mentions: MentionsRepository,
    private readonly triage: TriageService,
    private readonly clusters: MentionClusterService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
    private readonly dispatch: DeskDispatchQueue,
  ) {
    this.batcher = new StoreBatcher((items) => this.store(items), {
      maxBatch: config.pipeline.storeBatchSize,
      windowMs: config.pipeline.storeBatchWindowMs,
    });
  }

  /**
   * Completes only when every mention of the job is committed. Mentions of many jobs share insert
   * batches; one that cannot be stored fails the job (to be retried), its stored neighbours stay.
   */
  async processJob(job: IngestJobData): Promise<IngestJobResult> {
    if (!Array.isArray(job?.items)) throw new Error('ingest job has no items');
    const settled = await Promise.allSettled(job.items.map((item) => this.processMention(item, job.receivedAt)));
    const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failures.length > 0) {
      throw new Error(`${failures.length} of ${job.items.length} mentions not stored: ${String(failures[0].reason)}`);
    }
    const stored = settled.filter((s) => s.status === 'fulfilled' && s.value.seq !== undefined).length;
    return { stored, alreadyStored: job.items.length - stored };
  }

  private processMention(item: IngestJobItem, receivedAt: string): Promise<StoreOutcome> {
    const tags = this.triage.classify({
      text: item.mention.text,
      channel: item.mention.channel,
      author: item.mention.author,
    });
    return this.batcher.add({ id: item.id, mention: item.mention, receivedAt, tags, clusterId: this.clusterOf(item, receivedAt, tags) });
  }

  /** Gets back the clusters still open; the worker waits for it before taking jobs. */
  async warmUp(): Promise<void> {
    try {
      await this.clusters.warmUp();
    } catch (err) {
      // Clustering must not stop the pipeline: start empty, and copies of stories that were
      // already open get a cluster of their own.
      this.logger.error({ err }, 'could not restore the open near-duplicate clusters; starting with none');
    }
  }

  drain(): Promise<void> {
    return this.batcher.drain();
  }

  private clusterOf(item: IngestJobItem, receivedAt: string, tags: MentionTags): string {
    try {
      return this.clusters.assign(item.id, item.mention, receivedAt, tags);
    } catch (err) {
      // A fault in clustering must not stop the pipeline: the mention stands alone.
      this.logger.error({ err, id: item.id }, 'near-duplicate clustering failed');
      return item.id;
    }
  }

  private async store(items: MentionToStore[]): Promise<(StoreOutcome | Error)[]> {
    try {
      const { inserted } = await this.mentions.storeBatch(items);
      await this.announce(inserted);
      // Round-robin assignment and the escalation clock: one job for the whole batch.
      await this.dispatch.dispatchStored(inserted.map((row) => row.id));
      const seqById = new Map(inserted.map((row) => [row.id, row.seq]));
      return items.map((item) => ({ id: item.id, seq: seqById.get(item.id) }));
    } catch (error) {
      if (items.length === 1) return [error instanceof Error ? error : new Error(String(error))];
      // One bad row must not fail its neighbours: fall back to storing each on its own.
      this.logger.warn({ err: error, size: items.length }, 'batch insert failed; storing items one by one');
      const outcomes: (StoreOutcome | Error)[] = [];
      for (const item of items) outcomes.push((await this.store([item]))[0]);
      return outcomes;
    }
  }

  private async announce(inserted: { seq: number }[]): Promise<void> {
    if (inserted.length === 0) return;
    const maxSeq = Math.max(...inserted.map((row) => row.seq));
    // Best effort: the API also polls, so a lost notification only delays, never drops, a mention.
    await this.redis
      .publish(redisKey(this.config.redisPrefix, LIVE_NOTIFY_CHANNEL), String(maxSeq))
      .catch((err: unknown) => this.logger.warn({ err }, 'live notification failed'));
  }
}
