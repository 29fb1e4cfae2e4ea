import type { TextNormalizer } from '../text-normalizer';
import { MinHeap } from './min-heap';
import { NO_KEY, createMinHasher, jaccard, shingleSet, type MinHasher } from './minhash';

export interface NearDuplicateOptions {
  /**
   * A message joins a cluster whose last message is at most this far from it in time, and a
   * cluster that has seen nothing for this long is closed (default 6 h).
   */
  windowMs: number;
  /** Least Jaccard similarity of word-bigram sets (start and end included) to join (default 0.5). */
  threshold: number;
  /** Messages with fewer words only join exact duplicates: "mantap pak" is not an incident (default 4). */
  minWords: number;
  /** LSH bands × rows; their product is the number of MinHash functions (default 20 × 3). */
  bands: number;
  rows: number;
  /** Messages kept per cluster to compare newcomers against, so a storm may drift a little (default 4). */
  maxExemplars: number;
  /** A member becomes an exemplar when it is less similar than this to all of them (default 0.8). */
  exemplarBelow: number;
  /** Candidates verified per message, at most (default 64). */
  maxCandidates: number;
  /**
   * Clusters one LSH bucket holds at most. A full bucket stands for a phrase everybody uses, not
   * for a story: it is not searched, and its band is left to the others (default 64).
   */
  maxBucket: number;
  /** Open clusters kept at most; beyond it the longest idle close first (default 200,000). */
  maxClusters: number;
}

export const DEFAULT_NEAR_DUPLICATE_OPTIONS: Readonly<NearDuplicateOptions> = {
  windowMs: 6 * 3600_000,
  threshold: 0.5,
  minWords: 4,
  bands: 20,
  rows: 3,
  maxExemplars: 4,
  exemplarBelow: 0.8,
  maxCandidates: 64,
  maxBucket: 64,
  maxClusters: 200_000,
};

/**
 * Where a message says it happened. Two messages that name different places at the same level
 * never join; a level left out (or null) agrees with anything.
 */
export interface ClusterPlace {
  kecamatan: string | null;
  kelurahan?: string | null;
  street?: string | null;
}

export interface ClusterMention<Id> {
  id: Id;
  /** When it was said, in ms since the epoch. */
  at: number;
  text: string;
  place?: ClusterPlace | null;
}

export interface ClusterAssignment<Id> {
  /** The id of the message that opened the cluster. */
  clusterId: Id;
  /** Messages in the cluster, this one included (as this process has seen them). */
  size: number;
  /** This message opened the cluster. */
  created: boolean;
  /** The earliest message of the cluster. */
  first: { id: Id; at: number };
  /** Similarity to the closest message kept for the cluster; 1 for a new cluster. */
  similarity: number;
}

/** A cluster known from storage, used to warm a clusterer up after a restart. */
export interface KnownCluster<Id> {
  id: Id;
  size: number;
  firstId: Id;
  firstAt: number;
  lastAt: number;
  place: ClusterPlace | null;
}

export interface ClustererStats {
  open: number;
  exemplars: number;
  buckets: number;
}

/** What the clusterer keeps of a text: its shingles and their band keys. */
interface Fingerprint {
  shingles: Uint32Array;
  keys: Uint32Array;
  /** Fewer words than `minWords`. */
  short: boolean;
}

type Exemplar = Fingerprint;

// Retweet storms repeat one text verbatim: the last few fingerprints are kept by text.
const RECENT_TEXTS = 2048;

interface OpenCluster<Id> {
  id: Id;
  /** Creation order; breaks ties between equally similar clusters. */
  order: number;
  size: number;
  firstId: Id;
  firstAt: number;
  lastAt: number;
  kecamatan: string | null;
  kelurahan: string | null;
  street: string | null;
  /** Exact-duplicate-only cluster: opened by a message shorter than `minWords`. */
  short: boolean;
  exemplars: Exemplar[];
  closed: boolean;
  /** The last assignment that looked at it; avoids verifying a candidate twice. */
  visited: number;
}

// "RT @akun: …" is the text of another message.
const RETWEET_PREFIX = /^\s*rt\s+@[\p{L}\p{N}_.]+\s*:?\s*/iu;

const agrees = (a: string | null | undefined, b: string | null): boolean => a === null || a === undefined || b === null || a === b;

/**
 * Gives near-identical messages (retweets, copy-paste, small edits) one cluster id: MinHash with
 * LSH banding over the word bigrams of the normalised text, then an exact Jaccard check against a
 * few kept members. Time only moves forward (the latest `at` seen); clusters idle for a window
 * close and are forgotten. Pure and deterministic: the same messages in the same order give the
 * same ids.
 */
export class NearDuplicateClusterer<Id = string> {
  readonly options: Readonly<NearDuplicateOptions>;
  private readonly hasher: MinHasher;
  private readonly normalizer: TextNormalizer;
  private readonly open = new Map<Id, OpenCluster<Id>>();
  /** Band key → the clusters with an exemplar in that bucket (most buckets hold one, kept bare). */
  private readonly buckets = new Map<number, OpenCluster<Id> | OpenCluster<Id>[]>();
  /**
   * Every open cluster once, keyed by the time it was last seen when it was put in; a cluster
   * seen since goes back in with its new time when it reaches the top.
   */
  private readonly idle = new MinHeap<OpenCluster<Id>>();
  private readonly recent = new Map<string, Fingerprint | null>();
  private watermark = -Infinity;
  private created = 0;
  private assignments = 0;
  private bestSimilarity = 0;
  private exemplarCount = 0;

  constructor(normalizer: TextNormalizer, options: Partial<NearDuplicateOptions> = {}) {
    this.options = { ...DEFAULT_NEAR_DUPLICATE_OPTIONS, ...options };
    const { windowMs, threshold, bands, rows, maxExemplars, maxClusters, minWords, maxBucket } = this.options;
    const counts = [bands, rows, maxExemplars, maxClusters, minWords, maxBucket];
    if (!(windowMs > 0) || !(threshold > 0 && threshold <= 1) || counts.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new RangeError('NearDuplicateClusterer: options out of range');
    }
    this.normalizer = normalizer;
    this.hasher = createMinHasher(bands, rows);
  }

  /** Puts a message in a cluster (an open one it nearly duplicates, or a new one of its own). */
  assign(mention: ClusterMention<Id>): ClusterAssignment<Id> {
    this.advance(mention.at);
    const print = this.fingerprint(mention.text);
    if (!print) {
      // Nothing to compare: a cluster of one that nothing can join.
      return { clusterId: mention.id, size: 1, created: true, first: { id: mention.id, at: mention.at }, similarity: 1 };
    }
    const place = mention.place ?? null;
    const cluster = this.closest(mention.at, place, print);
    if (!cluster) {
      const opened = this.openCluster(mention.id, mention.at, mention.at, 1, place, print.short);
      this.addExemplar(opened, print);
      return { clusterId: opened.id, size: 1, created: true, first: { id: opened.firstId, at: opened.firstAt }, similarity: 1 };
    }
    const similarity = this.bestSimilarity;
    cluster.size++;
    if (mention.at > cluster.lastAt) cluster.lastAt = mention.at;
    if (mention.at < cluster.firstAt) {
      cluster.firstAt = mention.at;
      cluster.firstId = mention.id;
    }
    this.adoptPlace(cluster, place);
    if (similarity < this.options.exemplarBelow) this.addExemplar(cluster, print);
    return { clusterId: cluster.id, size: cluster.size, created: false, first: { id: cluster.firstId, at: cluster.firstAt }, similarity };
  }

  /**
   * Records that a stored message belongs to a stored cluster, without deciding anything: how a
   * restarted process gets back the clusters still open. Feed members oldest first.
   */
  restore(mention: ClusterMention<Id>, known: KnownCluster<Id>): void {
    this.advance(known.lastAt);
    if (known.lastAt < this.watermark - this.options.windowMs) return;
    const print = this.fingerprint(mention.text);
    let cluster = this.open.get(known.id);
    if (!cluster) {
      cluster = this.openCluster(known.id, known.firstAt, known.lastAt, known.size, known.place, print?.short ?? true);
      cluster.firstId = known.firstId;
    }
    this.adoptPlace(cluster, mention.place ?? null);
    if (!print || cluster.exemplars.length >= this.options.maxExemplars) return;
    if (cluster.exemplars.some((e) => jaccard(e.shingles, print.shingles) >= this.options.exemplarBelow)) return;
    this.addExemplar(cluster, print);
  }

  /** Closes every cluster idle for a window before `now` (assign does this as time passes). */
  expire(now: number): void {
    this.advance(now);
  }

  get openClusters(): number {
    return this.open.size;
  }

  stats(): ClustererStats {
    return { open: this.open.size, exemplars: this.exemplarCount, buckets: this.buckets.size };
  }

  /** The shingles and band keys of a text; null when it has no words. */
  private fingerprint(text: string): Fingerprint | null {
    const body = text.replace(RETWEET_PREFIX, '');
    const known = this.recent.get(body);
    if (known !== undefined) return known;
    const words = this.normalizer.normalize(body).words;
    let print: Fingerprint | null = null;
    if (words.length > 0) {
      const shingles = shingleSet(words);
      print = { shingles, keys: this.hasher.bandKeys(shingles), short: words.length < this.options.minWords };
    }
    this.recent.set(body, print);
    if (this.recent.size > RECENT_TEXTS) this.recent.delete(this.recent.keys().next().value as string);
    return print;
  }

  private isOpen(cluster: OpenCluster<Id>): boolean {
    return cluster.lastAt >= this.watermark - this.options.windowMs;
  }

  /**
   * The open cluster most similar to a message, at least the threshold (or identical, for short
   * messages); ties go to the older cluster. Its similarity is left in `bestSimilarity`.
   */
  private closest(at: number, place: ClusterPlace | null, print: Fingerprint): OpenCluster<Id> | null {
    const visit = ++this.assignments;
    const { windowMs, maxCandidates, maxBucket, threshold } = this.options;
    const { keys, shingles } = print;
    let best: OpenCluster<Id> | null = null;
    let bestSimilarity = 0;
    let checked = 0;
    for (let k = 0; k < keys.length && checked < maxCandidates; k++) {
      if (keys[k] === NO_KEY) continue;
      const bucket = this.buckets.get(keys[k]);
      if (bucket === undefined) continue;
      const many = Array.isArray(bucket);
      if (many && bucket.length >= maxBucket) continue;
      const count = many ? bucket.length : 1;
      for (let c = 0; c < count && checked < maxCandidates; c++) {
        const cluster = many ? bucket[c] : bucket;
        if (cluster.visited === visit) continue;
        cluster.visited = visit;
        checked++;
        // Open means its last message is within a window of now; a late message must also not
        // come from more than a window before the cluster began.
        if (!this.isOpen(cluster) || at < cluster.firstAt - windowMs) continue;
        if (place && !(agrees(place.kecamatan, cluster.kecamatan) && agrees(place.kelurahan, cluster.kelurahan) && agrees(place.street, cluster.street))) {
          continue;
        }
        // Short messages only ever join, and only hold, exact duplicates.
        const needed = print.short || cluster.short ? 1 : threshold;
        let similarity = 0;
        for (const exemplar of cluster.exemplars) {
          const a = exemplar.shingles.length;
          const b = shingles.length;
          // Jaccard is at most the ratio of the sizes: skip the merge when that cannot reach it.
          if ((a < b ? a / b : b / a) < needed) continue;
          similarity = Math.max(similarity, jaccard(exemplar.shingles, shingles));
        }
        if (similarity < needed) continue;
        if (!best || similarity > bestSimilarity || (similarity === bestSimilarity && cluster.order < best.order)) {
          best = cluster;
          bestSimilarity = similarity;
        }
      }
    }
    this.bestSimilarity = bestSimilarity;
    return best;
  }

  private openCluster(id: Id, firstAt: number, lastAt: number, size: number, place: ClusterPlace | null, short: boolean): OpenCluster<Id> {
    const cluster: OpenCluster<Id> = {
      id,
      order: this.created++,
      size,
      firstId: id,
      firstAt,
      lastAt,
      kecamatan: place?.kecamatan ?? null,
      kelurahan: place?.kelurahan ?? null,
      street: place?.street ?? null,
      short,
      exemplars: [],
      closed: false,
      visited: 0,
    };
    // An id seen again (a replayed message) starts over rather than leaving a stale index behind.
    const previous = this.open.get(id);
    if (previous) this.close(previous);
    this.open.set(id, cluster);
    this.idle.push(lastAt, cluster);
    while (this.open.size > this.options.maxClusters) this.closeIdlest(Infinity);
    return cluster;
  }

  /** A cluster named only by its kecamatan learns its kelurahan and street from later members. */
  private adoptPlace(cluster: OpenCluster<Id>, place: ClusterPlace | null): void {
    if (!place) return;
    cluster.kecamatan ??= place.kecamatan;
    cluster.kelurahan ??= place.kelurahan ?? null;
    cluster.street ??= place.street ?? null;
  }

  private addExemplar(cluster: OpenCluster<Id>, print: Fingerprint): void {
    if (cluster.exemplars.length >= this.options.maxExemplars) return;
    cluster.exemplars.push(print);
    const { keys } = print;
    this.exemplarCount++;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] === NO_KEY) continue;
      const bucket = this.buckets.get(keys[k]);
      if (bucket === undefined) this.buckets.set(keys[k], cluster);
      else if (Array.isArray(bucket)) {
        if (bucket.length < this.options.maxBucket && !bucket.includes(cluster)) bucket.push(cluster);
      } else if (bucket !== cluster) this.buckets.set(keys[k], [bucket, cluster]);
    }
  }

  private advance(at: number): void {
    if (!(at > this.watermark)) return;
    this.watermark = at;
    const cutoff = at - this.options.windowMs;
    while (this.idle.peekKey() < cutoff) this.closeIdlest(cutoff);
  }

  /** Takes the cluster that went in longest ago: seen since, it goes back in; else it closes if idle since before `cutoff`. */
  private closeIdlest(cutoff: number): void {
    const key = this.idle.peekKey();
    const cluster = this.idle.pop();
    if (!cluster || cluster.closed) return;
    if (cluster.lastAt > key) this.idle.push(cluster.lastAt, cluster);
    else if (cluster.lastAt < cutoff) this.close(cluster);
    else this.idle.push(cluster.lastAt, cluster);
  }

  private close(cluster: OpenCluster<Id>): void {
    if (cluster.closed) return;
    cluster.closed = true;
    if (this.open.get(cluster.id) === cluster) this.open.delete(cluster.id);
    for (const exemplar of cluster.exemplars) {
      for (let k = 0; k < exemplar.keys.length; k++) {
        const key = exemplar.keys[k];
        const bucket = this.buckets.get(key);
        if (bucket === cluster) this.buckets.delete(key);
        else if (Array.isArray(bucket)) {
          const index = bucket.indexOf(cluster);
          if (index < 0) continue;
          bucket.splice(index, 1);
          if (bucket.length === 1) this.buckets.set(key, bucket[0]);
        }
      }
    }
    this.exemplarCount -= cluster.exemplars.length;
    cluster.exemplars = [];
  }
}
