import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { INGEST_LIMITS, QUEUES, type IngestItemResult, type IngestJobData, type IngestJobItem, type IngestResponse } from '@sigap/contracts';
import { REDIS_CLIENT, SIGAP_CONFIG, SigapErrorCode, SigapException, redisKey, validationFailed, type SigapConfig } from '@sigap/server/core';
import { ChannelAccessRegistry, type IngestPrincipal } from '@sigap/server/channels';
import { mentionIdOf } from '@sigap/server/pipeline';
import { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { parseMention } from './mention-input.schema';

/** How long an accepted (channel, externalId) is remembered in Redis to answer retries as duplicates. */
const SEEN_TTL_SECONDS = 7 * 24 * 3600;

interface Candidate {
  index: number;
  item: IngestJobItem;
}

@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    @InjectQueue(QUEUES.ingest) private readonly queue: Queue<IngestJobData>,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(SIGAP_CONFIG) private readonly config: SigapConfig,
    private readonly access: ChannelAccessRegistry,
  ) {}

  /**
   * Validates each item on its own, enqueues the new ones and only then answers. An item counts as
   * a duplicate when it was accepted before (or earlier in the same request); the deterministic job
   * id and the database's unique key make sure even concurrent repeats are stored once. An item
   * the caller may not send (a disabled channel, or another channel than its key's) is rejected
   * on its own and never queued.
   */
  async ingest(body: unknown, principal: IngestPrincipal): Promise<IngestResponse> {
    const items = this.itemsOf(body);
    const results: IngestItemResult[] = [];
    const candidates: Candidate[] = [];
    const firstIndexById = new Map<string, number>();
    const receivedAt = new Date().toISOString();

    items.forEach((item, index) => {
      const parsed = parseMention(item);
      if (!parsed.ok) {
        results[index] = { index, error: parsed.errors };
        return;
      }
      const refusal = this.access.refusal(principal, parsed.mention.channel);
      if (refusal) {
        results[index] = { index, error: [{ field: 'channel', message: refusal }] };
        return;
      }
      const id = mentionIdOf(parsed.mention.channel, parsed.mention.externalId);
      if (firstIndexById.has(id)) {
        results[index] = { index, id, duplicate: true };
        return;
      }
      firstIndexById.set(id, index);
      candidates.push({ index, item: { id, mention: parsed.mention } });
    });

    if (candidates.length > 0) {
      try {
        await this.enqueue(candidates, results, receivedAt);
      } catch (error) {
        this.logger.error({ err: error }, 'could not enqueue mentions');
        throw new SigapException(SigapErrorCode.UNAVAILABLE, 'the queue is unavailable; nothing was accepted, retry later');
      }
    }

    const accepted = results.filter((r) => r.id && !r.duplicate).length;
    const duplicates = results.filter((r) => r.duplicate).length;
    return { accepted, duplicates, rejected: items.length - accepted - duplicates, items: results };
  }

  private async enqueue(candidates: Candidate[], results: IngestItemResult[], receivedAt: string): Promise<void> {
    const seenKeys = candidates.map((c) => redisKey(this.config.redisPrefix, 'seen', c.item.id));
    const seen = await this.redis.mget(...seenKeys);
    const fresh = candidates.filter((c, i) => {
      if (seen[i] === null) return true;
      results[c.index] = { index: c.index, id: c.item.id, duplicate: true };
      return false;
    });
    if (fresh.length === 0) return;

    // One job per request: a batch from a connector costs one queue round trip, not one per mention.
    // The id repeats when the same request is retried, so concurrent retries collapse into one job.
    const ids = fresh.map((c) => c.item.id);
    const jobId = ids.length === 1 ? ids[0] : `req-${createHash('sha256').update(ids.join(',')).digest('hex')}`;
    await this.queue.add('mentions', { items: fresh.map((c) => c.item), receivedAt }, { jobId });

    // Marked only after the jobs are safely queued, so a marker never hides a mention that was lost.
    const marks = this.redis.multi();
    for (const c of fresh) marks.set(redisKey(this.config.redisPrefix, 'seen', c.item.id), '1', 'EX', SEEN_TTL_SECONDS, 'NX');
    const replies = (await marks.exec()) ?? [];
    fresh.forEach((c, i) => {
      const [error, reply] = replies[i] ?? [null, null];
      // NX lost to a concurrent request with the same mention: that one reports it as accepted.
      const won = !error && reply === 'OK';
      results[c.index] = won ? { index: c.index, id: c.item.id } : { index: c.index, id: c.item.id, duplicate: true };
    });
  }

  private itemsOf(body: unknown): unknown[] {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw validationFailed([{ field: 'body', message: 'must be a mention object or { "items": [...] }' }]);
    }
    if (!('items' in body)) return [body];
    const items = (body as { items: unknown }).items;
    if (!Array.isArray(items)) throw validationFailed([{ field: 'items', message: 'must be an array' }]);
    if (items.length === 0) throw validationFailed([{ field: 'items', message: 'must hold at least one mention' }]);
    if (items.length > INGEST_LIMITS.maxItemsPerRequest) {
      throw validationFailed([
        { field: 'items', message: `must hold at most ${INGEST_LIMITS.maxItemsPerRequest} mentions (got ${items.length})` },
      ]);
    }
    const extra = Object.keys(body).filter((key) => key !== 'items');
    if (extra.length) throw validationFailed([{ field: extra[0], message: 'unknown field next to "items"' }]);
    return items;
  }
}
