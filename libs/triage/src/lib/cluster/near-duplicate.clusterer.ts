import type { TextNormalizer } from '../text-normalizer';
import { BandIndex } from './band-index';
import { MinHeap } from './min-heap';
import { createMinHasher, jaccard, shingleSet, type MinHasher } from './minhash';

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
  /** The normalised words of `text`, when the caller has them already (saves normalising twice). */
  words?: readonly string[];
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
  /** (band key, cluster) pairs in the LSH index. */
  indexEntries: number;
}

/** What the clusterer keeps of a text: its shingles and their band keys. */
interface Fingerprint {
  shingles: number[];
  keys: number[];
  /** Fewer words than `minWords`. */
  short: boolean;
}

type Exemplar = Fingerprint;

// Retweet storms repeat one text verbatim: the last few fingerprints are kept by text.
const RECENT_TEXTS = 2048;

interface OpenCluster<Id> {
  id: Id;
  /** Its number in the LSH index while open. */
  slot: number;
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
  /** The shingles of the first exemplar, kept on the cluster itself: one memory load fewer per candidate. */
  head: readonly number[];
  exemplars: Exemplar[];
  closed: boolean;
  /** The last assignment that looked at it; avoids verifying a candidate twice. */
  visited: number;
}

// "RT @akun: …" is the text of another message.
const RETWEET_PREFIX = /^\s*rt\s+@[\p{L}\p{N}_.]+\s*:?\s*/iu;
const RETWEET_START = /^\s*rt\s/i;

/** Jaccard similarity, or 0 when the sizes alone show it cannot reach `needed`. */
const similarityAtLeast = (a: readonly number[], b: readonly number[], needed: number): number =>
  (a.length < b.length ? a.length / b.length : b.length / a.length) < needed ? 0 : jaccard(a, b);

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
  private readonly index = new BandIndex(1 << 14);
  /** Open clusters by their number in the index; freed numbers are reused. */
  private readonly slots: (OpenCluster<Id> | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Scratch list for lookups, as long as a full bucket. */
  private readonly found: Int32Array;
  /**
   * Every open cluster once, keyed by the time it was last seen when it was put in; a cluster
   * seen since goes back in with its new time when it reaches the top.
   */
  private readonly idle = new MinHeap<OpenCluster<Id>>();
  private readonly recent = new Map<string, Fingerprint | null>();
  /** The texts in `recent`, oldest at `recentNext` once full (a ring: no Map iteration). */
  private readonly recentTexts = new Array<string | undefined>(RECENT_TEXTS);
  private recentNext = 0;
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
    this.found = new Int32Array(maxBucket);
  }

  /** Puts a message in a cluster (an open one it nearly duplicates, or a new one of its own). */
  assign(mention: ClusterMention<Id>): ClusterAssignment<Id> {
    this.advance(mention.at);
    const print = this.fingerprint(mention.text, mention.words);
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
    const print = this.fingerprint(mention.text, mention.words);
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
    return { open: this.open.size, exemplars: this.exemplarCount, indexEntries: this.index.size };
  }

  /** The shingles and band keys of a text; null when it has no words. */
  private fingerprint(text: string, given?: readonly string[]): Fingerprint | null {
    const body = RETWEET_START.test(text) ? text.replace(RETWEET_PREFIX, '') : text;
    const known = this.recent.get(body);
    if (known !== undefined) return known;
    // Words of a whole retweet start with the "RT" marker: read the quoted text afresh.
    const words = given && body === text ? given : this.normalizer.normalize(body).words;
    let print: Fingerprint | null = null;
    if (words.length > 0) {
      const shingles = shingleSet(words);
      print = { shingles, keys: this.hasher.bandKeys(shingles), short: words.length < this.options.minWords };
    }
    const evicted = this.recentTexts[this.recentNext];
    if (evicted !== undefined) this.recent.delete(evicted);
    this.recentTexts[this.recentNext] = body;
    this.recentNext = (this.recentNext + 1) % RECENT_TEXTS;
    this.recent.set(body, print);
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
    const { windowMs, maxCandidates, threshold, exemplarBelow } = this.options;
    const { keys, shingles } = print;
    let best: OpenCluster<Id> | null = null;
    let bestSimilarity = 0;
    let checked = 0;
    const found = this.found;
    search: for (let k = 0; k < keys.length && checked < maxCandidates; k++) {
      // A full bucket (-1) is a phrase everybody uses: the other bands decide.
      const count = this.index.lookup(keys[k], found);
      for (let c = 0; c < count && checked < maxCandidates; c++) {
        const cluster = this.slots[found[c]] as OpenCluster<Id>;
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
        let similarity = similarityAtLeast(cluster.head, shingles, needed);
        // Clearly a member already: the other exemplars cannot change the decision.
        for (let e = 1; e < cluster.exemplars.length && similarity < exemplarBelow; e++) {
          similarity = Math.max(similarity, similarityAtLeast(cluster.exemplars[e].shingles, shingles, needed));
        }
        if (similarity < needed) continue;
        if (!best || similarity > bestSimilarity || (similarity === bestSimilarity && cluster.order < best.order)) {
          best = cluster;
          bestSimilarity = similarity;
          // A verbatim copy: nothing can be closer.
          if (similarity === 1) break search;
        }
      }
    }
    this.bestSimilarity = bestSimilarity;
    return best;
  }

  private openCluster(id: Id, firstAt: number, lastAt: number, size: number, place: ClusterPlace | null, short: boolean): OpenCluster<Id> {
    // An id seen again (a replayed message) starts over rather than leaving a stale index behind.
    const previous = this.open.get(id);
    if (previous) this.close(previous);
    const cluster: OpenCluster<Id> = {
      id,
      slot: this.freeSlots.pop() ?? this.slots.length,
      order: this.created++,
      size,
      firstId: id,
      firstAt,
      lastAt,
      kecamatan: place?.kecamatan ?? null,
      kelurahan: place?.kelurahan ?? null,
      street: place?.street ?? null,
      short,
      head: [],
      exemplars: [],
      closed: false,
      visited: 0,
    };
    this.slots[cluster.slot] = cluster;
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
    if (cluster.exemplars.length === 0) cluster.head = print.shingles;
    cluster.exemplars.push(print);
    this.exemplarCount++;
    for (const key of print.keys) this.index.add(key, cluster.slot, this.options.maxBucket);
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
    for (const exemplar of cluster.exemplars) for (const key of exemplar.keys) this.index.remove(key, cluster.slot);
    this.slots[cluster.slot] = undefined;
    this.freeSlots.push(cluster.slot);
    this.exemplarCount -= cluster.exemplars.length;
    cluster.exemplars = [];
    cluster.head = [];
  }
}
