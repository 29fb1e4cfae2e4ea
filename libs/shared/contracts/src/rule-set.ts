import type { Channel, MentionTags, OpdTag, Urgency } from './mention';

/*
 * Triage rule sets as the API stores and serves them. The full rule-set type belongs to the
 * engine (`RuleSet` in libs/triage); contracts only name the parts the dashboard edits in a
 * structured way and pass the rest through untouched.
 */

export const RULE_SET_STATUSES = ['draft', 'published', 'archived'] as const;
export type RuleSetStatus = (typeof RULE_SET_STATUSES)[number];

/** How a version came to be: the rules shipped with the code, an edited draft, or a copy of an older version. */
export const RULE_SET_ORIGINS = ['seed', 'edit', 'rollback'] as const;
export type RuleSetOrigin = (typeof RULE_SET_ORIGINS)[number];

/** The label a published version carries in every mention it tagged (`tags.ruleSetVersion`). */
export const ruleSetLabel = (version: number): string => `v${version}`;

/** Redis pub/sub channel (prefixed) on which the API announces a newly published version number. */
export const RULE_SET_PUBLISHED_CHANNEL = 'triage:published';

export const RULE_SET_LIMITS = {
  maxNotesLength: 2000,
  /** Recent mentions a draft is tried on by default, and at most. */
  defaultTrialSize: 500,
  maxTrialSize: 5000,
  /** Changed mentions listed in a trial result; the counts cover all of them. */
  maxTrialItems: 200,
  /** Changes listed in a change summary; the counts cover all of them. */
  maxChangeItems: 300,
  maxClassifyItems: 1000,
} as const;

export interface RuleSetKeyword {
  phrase: string;
  weight: number;
}

export interface RuleSetTopicDocument {
  id: string;
  label: string;
  keywords: RuleSetKeyword[];
  baseScore: number;
  opd: OpdTag[];
  routing?: { whenAny: string[]; mode: 'replace' | 'append'; opd: OpdTag[] }[];
  local?: boolean;
  [field: string]: unknown;
}

/** A rule set as JSON: the engine's `RuleSet`, with the sections the dashboard does not edit left open. */
export interface RuleSetDocument {
  version: string;
  topics: RuleSetTopicDocument[];
  [section: string]: unknown;
}

export type RuleSetChangeKind = 'added' | 'removed' | 'changed';

/** One difference between two rule sets, readable by an admin. */
export interface RuleSetChange {
  kind: RuleSetChangeKind;
  /** `topics`, `keywords`, `routing`, `signals`, `modifiers`, `places`, `lexicon`, `negation`, `placeCues`, `scoring`, … */
  section: string;
  /** What changed: a topic id, "topic › phrase", a signal phrase, a place code, a setting's path. */
  item: string;
  before?: string;
  after?: string;
}

export interface RuleSetChangeSummary {
  added: number;
  removed: number;
  changed: number;
  items: RuleSetChange[];
  /** True when more changes were found than `items` lists. */
  truncated: boolean;
}

export interface RuleSetUserRef {
  id: string;
  name: string;
}

/** A published or archived version in the history. */
export interface RuleSetVersionSummary {
  version: number;
  label: string;
  status: Exclude<RuleSetStatus, 'draft'>;
  origin: RuleSetOrigin;
  /** The version this one was edited from, or copied from on a rollback. */
  baseVersion: number | null;
  notes: string;
  createdBy: RuleSetUserRef | null;
  createdAt: string;
  publishedBy: RuleSetUserRef | null;
  publishedAt: string;
  /** What changed against the version published before it. */
  changes: RuleSetChangeSummary | null;
}

export interface RuleSetVersionDetail extends RuleSetVersionSummary {
  content: RuleSetDocument;
}

/** The one draft, or (when none is saved) a copy of the published version to start from. */
export interface RuleSetDraftView {
  saved: boolean;
  baseVersion: number | null;
  /** The version published now; a draft based on an older one would overwrite what came since. */
  publishedVersion: number;
  notes: string;
  updatedBy: RuleSetUserRef | null;
  updatedAt: string | null;
  content: RuleSetDocument;
  /** What publishing the draft would change against the published version. */
  changes: RuleSetChangeSummary;
}

export interface SaveRuleSetDraftRequest {
  content: RuleSetDocument;
  notes?: string;
}

export interface TryRuleSetDraftRequest {
  limit?: number;
}

export interface PublishRuleSetDraftRequest {
  notes: string;
}

export interface RollbackRuleSetRequest {
  notes?: string;
}

/** What one rule set says about a mention, reduced to what a trial compares. */
export interface RuleSetTrialOutcome {
  urgency: Urgency;
  score: number;
  /** The first (most responsible) unit, or null when unrouted. */
  opd: string | null;
  topic: string | null;
}

export interface RuleSetTrialItem {
  id: string;
  excerpt: string;
  channel: Channel;
  postedAt: string;
  before: RuleSetTrialOutcome;
  after: RuleSetTrialOutcome;
  urgencyChanged: boolean;
  opdChanged: boolean;
}

export interface RuleSetTrialResult {
  publishedVersion: number;
  /** How many recent mentions were classified with both rule sets. */
  sampled: number;
  /** Mentions whose urgency or first OPD would change. */
  changed: number;
  urgencyChanged: number;
  opdChanged: number;
  /** Urgency moves, most frequent first: "normal → critical: 12". */
  urgencyMoves: { from: Urgency; to: Urgency; count: number }[];
  /** The changed mentions, the largest urgency moves first, then the newest. */
  items: RuleSetTrialItem[];
  truncated: boolean;
}

/** One message to classify through `POST /api/v1/triage/classify`. */
export interface ClassifyItemInput {
  id: string;
  text: string;
  /** A handle, or what is known of the author. */
  author?: string | { handle?: string; followers?: number; verified?: boolean };
  channel?: string;
}

export interface ClassifyRequest {
  items: ClassifyItemInput[];
}

export interface ClassifyResponse {
  items: ({ id: string } & MentionTags)[];
}
