import type { MentionStatus } from './status-workflow';

/** Channels Sigap ingests from. The ingest API rejects any other value. */
export const CHANNELS = [
  'x',
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'whatsapp',
  'telegram',
  'web',
  'lapor',
  'email',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Ordered from most to least urgent; the index is the sort rank stored with each mention. */
export const URGENCIES = ['critical', 'high', 'normal', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const urgencyRank = (urgency: Urgency): number => URGENCIES.indexOf(urgency);


export const INGEST_LIMITS = {
  maxItemsPerRequest: 1000,
  maxTextLength: 10_000,
  maxExternalIdLength: 256,
  maxHandleLength: 256,
  maxNameLength: 256,
  maxUrlLength: 2048,
  maxMediaItems: 20,
  /** Whole request body; larger bodies get 413. */
  maxBodyBytes: 16 * 1024 * 1024,
} as const;

export interface MentionAuthorInput {
  handle: string;
  name?: string;
  followers?: number;
  verified?: boolean;
}

export interface MentionMediaInput {
  url: string;
  type?: string;
}

/** One mention as other systems post it to `POST /api/v1/mentions`. */
export interface MentionInput {
  channel: Channel;
  externalId: string;
  text: string;
  author: MentionAuthorInput;
  postedAt: string;
  url?: string;
  inReplyTo?: string;
  media?: MentionMediaInput[];
  location?: { lat: number; lon: number };
  raw?: unknown;
}

export interface IngestItemResult {
  index: number;
  id?: string;
  duplicate?: boolean;
  error?: { field: string; message: string }[];
}

export interface IngestResponse {
  accepted: number;
  duplicates: number;
  rejected: number;
  items: IngestItemResult[];
}

export interface OpdTag {
  code: string;
  confidence: number;
}

export const SENTIMENTS = ['negatif', 'netral', 'positif'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** `mixed`: two languages in one message (Indonesian with Sundanese or English). */
export const MENTION_LANGUAGES = ['id', 'su', 'en', 'mixed'] as const;
export type MentionLanguage = (typeof MENTION_LANGUAGES)[number];

/** The place a message names: codes when it lies in Kota Bandung, and where it is written. */
export interface MentionPlace {
  kecamatan: string | null;
  kelurahan: string | null;
  /** The road or landmark named ("Jl. Soekarno-Hatta"), when one is. */
  street: string | null;
  /** The words of the message that name the place, as written. */
  text: string;
  /** UTF-16 offsets of `text` in the original message; `end` is exclusive. */
  start: number;
  end: number;
}

/** The triage result as stored with a mention and shown to admins. */
export interface MentionTags {
  urgency: Urgency;
  score: number;
  opd: OpdTag[];
  kecamatan: string | null;
  kelurahan: string | null;
  topic: string | null;
  reasons: string[];
  ruleSetVersion: string;
  /*
   * The engine always gives the four below; they are optional here because mentions tagged before
   * they existed are stored without them.
   */
  sentiment?: Sentiment;
  language?: MentionLanguage;
  /** The message passes on a rumour or asks whether one is true ("hoaks gak?"). */
  misinformation?: boolean;
  place?: MentionPlace | null;
}

export interface MentionAuthor {
  handle: string;
  name: string | null;
  followers: number | null;
  verified: boolean;
}

/** A stored mention as the REST API and the live socket deliver it. */
export interface Mention {
  id: string;
  /** Monotonic position in the live stream; used to resume after a reconnect. */
  seq: number;
  channel: Channel;
  externalId: string;
  text: string;
  author: MentionAuthor;
  postedAt: string;
  receivedAt: string;
  url: string | null;
  inReplyTo: string | null;
  media: MentionMediaInput[];
  location: { lat: number; lon: number } | null;
  status: MentionStatus;
  urgency: Urgency;
  score: number;
  opdCodes: string[];
  kecamatanCode: string | null;
  tags: MentionTags;
  /** Its near-duplicate cluster: the id of the mention that opened it; null for mentions stored before clusters. */
  clusterId: string | null;
  /** Mentions in that cluster when this one was read, itself included (1 when alone). */
  clusterSize: number;
  /** The admin holding (having claimed) the mention; null when nobody does. */
  claimedBy: MentionHolder | null;
  /** When it was claimed; null when nobody holds it. */
  claimedAt: string | null;
  /** The admin a supervisor or the round-robin assigned it to; null when unassigned. */
  assignedTo: MentionHolder | null;
  /** The citizen's ticket number, e.g. `BDG-2026-000123` (year received, stream position). */
  ticketNumber: string;
  /** The earlier mention whose ticket this one follows up (quoted by the citizen, or linked by an admin). */
  followUpOf: MentionFollowUpLink | null;
  /** Mentions linked as follow-ups of this one when it was read; only on the detail (`GET /mentions/:id`). */
  followUpCount?: number;
  /** Free labels set by admins (bulk "tag"). */
  labels: string[];
  /** Steps of the escalation ladder taken so far (0: not escalated). */
  escalationLevel: number;
  /** Only on `GET /api/v1/mentions/:id`: the original payload, verbatim. */
  raw?: unknown;
}

/** The ticket a mention follows up: that mention's id and ticket number. */
export interface MentionFollowUpLink {
  mentionId: string;
  ticketNumber: string;
}

/** `POST /api/v1/mentions/:id/follow-up`: link to the mention of this ticket number, or unlink with null. */
export interface MentionFollowUpRequest {
  ticketNumber: string | null;
}

/** The `message` of each 400 on `ticketNumber` from `POST /api/v1/mentions/:id/follow-up` (the dashboard translates them). */
export const FOLLOW_UP_FIELD_ERRORS = {
  malformed: 'not a ticket number (BDG-YYYY-NNNNNN)',
  self: 'this is the ticket of the mention itself',
  cycle: 'that ticket follows up this mention (a link would make a cycle)',
} as const;

/** What `POST /api/v1/mentions/:id/follow-up` answers: the desk state with the link as it now is. */
export interface MentionFollowUpState extends MentionDeskState {
  followUpOf: MentionFollowUpLink | null;
}

/** Who holds a mention. */
export interface MentionHolder {
  id: string;
  name: string;
}

/** The desk's state of one mention: its status and holder (what claim/release/status return). */
export interface MentionDeskState {
  id: string;
  status: MentionStatus;
  claimedBy: MentionHolder | null;
  claimedAt: string | null;
  assignedTo: MentionHolder | null;
  opdCodes: string[];
  labels: string[];
  escalationLevel: number;
}

/** `POST /api/v1/mentions/:id/status`. */
export interface MentionStatusRequest {
  status: MentionStatus;
  /** Required for `bukan_wewenang`; kept in the audit log for every status. */
  reason?: string;
  /** With `bukan_wewenang`: the OPD code the mention is forwarded to. */
  forwardTo?: string;
}

/** `POST /api/v1/mentions/:id/claim` body (optional). */
export interface MentionClaimRequest {
  /** Also claim every mention of its near-duplicate cluster that nobody holds. */
  cluster?: boolean;
}

/** `details` of the 409 answered to a claim when someone else holds the mention. */
export interface MentionClaimConflict {
  holder: MentionHolder;
}

export const MENTION_SORTS = ['newest', 'oldest', 'urgency'] as const;
export type MentionSort = (typeof MENTION_SORTS)[number];

export interface MentionQuery {
  urgency?: Urgency[];
  opd?: string[];
  channel?: Channel[];
  kecamatan?: string[];
  status?: MentionStatus[];
  q?: string;
  /** `me`, `none` (nobody holds it) or a user id. */
  holder?: string;
  /** `me`, `none` (assigned to nobody) or a user id. */
  assignee?: string;
  /** Carries this label. */
  label?: string;
  /** `1`: escalated at least one step; `0`: never escalated. */
  escalated?: '0' | '1';
  /** Forwarded away ("bukan wewenang") from this OPD within the board's bounce window (`BOARD_BOUNCE_WINDOW_HOURS`). */
  forwardedFrom?: string;
  cursor?: string;
  limit?: number;
  sort?: MentionSort;
}

/** Values of the `holder` / `assignee` filters besides a user id. */
export const PERSON_FILTER_KEYWORDS = ['me', 'none'] as const;

export interface MentionPage {
  items: Mention[];
  nextCursor: string | null;
}
