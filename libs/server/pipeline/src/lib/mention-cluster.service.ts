import { Inject, Injectable, Logger } from '@nestjs/common';
import type { MentionInput, MentionTags } from '@sigap/contracts';
import { SIGAP_CONFIG, type SigapConfig } from '@sigap/server/core';
import { MentionsRepository } from '@sigap/server/mentions';
import { createTextNormalizer, DEFAULT_RULE_SET, NearDuplicateClusterer, type ClusterPlace } from '@sigap/triage';

const placeOf = (tags: MentionTags): ClusterPlace => tags.place ?? { kecamatan: tags.kecamatan, kelurahan: tags.kelurahan };

/**
 * Gives every mention its near-duplicate cluster. The clusters open in the last window live in
 * this process's memory (one worker process is the supported setup); at start they are read back
 * from the database, so a restarted worker goes on filling the same clusters.
 */
@Injectable()
export class MentionClusterService {
  private readonly logger = new Logger(MentionClusterService.name);
  // The built-in lexicon, not the published rule set's: clusters must not split when an admin
  // edits the slang list.
  private readonly clusterer: NearDuplicateClusterer;

  constructor(
    private readonly mentions: MentionsRepository,
    @Inject(SIGAP_CONFIG) config: SigapConfig,
  ) {
    this.clusterer = new NearDuplicateClusterer(createTextNormalizer(DEFAULT_RULE_SET.lexicon), {
      windowMs: config.pipeline.clusterWindowMs,
    });
  }

  /** Reads the clusters still open from the database; call before the first `assign`. */
  async warmUp(now = Date.now()): Promise<void> {
    const { windowMs, maxExemplars, maxClusters } = this.clusterer.options;
    this.clusterer.expire(now);
    const rows = await this.mentions.findOpenClusterMembers(new Date(now - windowMs), maxExemplars, maxClusters);
    for (const row of rows) {
      this.clusterer.restore(
        { id: row.id, at: row.seen_at.getTime(), text: row.text, place: placeOf(row.tags) },
        {
          id: row.cluster_id,
          size: row.mention_count,
          firstId: row.first_mention_id,
          firstAt: row.first_seen_at.getTime(),
          lastAt: row.last_seen_at.getTime(),
          place: { kecamatan: row.kecamatan_code },
        },
      );
    }
    this.logger.log({ clusters: this.clusterer.openClusters, mentions: rows.length }, 'near-duplicate clusters restored');
  }

  /** The id of the cluster a mention belongs to: the id of the cluster's first mention. */
  assign(id: string, mention: MentionInput, receivedAt: string, tags: MentionTags): string {
    // When it was said, but never later than it arrived: a clock in the future must not close
    // every open cluster.
    const posted = Date.parse(mention.postedAt);
    const received = Date.parse(receivedAt);
    const at = Number.isFinite(posted) ? Math.min(posted, received) : received;
    return this.clusterer.assign({ id, at, text: mention.text, place: placeOf(tags) }).clusterId;
  }
}
