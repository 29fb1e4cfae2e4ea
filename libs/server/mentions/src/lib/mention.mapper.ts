import { ticketNumberOf, type Channel, type Mention, type MentionFollowUpLink, type MentionMediaInput, type MentionStatus, type MentionTags, type Urgency } from '@sigap/contracts';

/** A row as the mention queries select it (mentions joined with authors). */
export interface MentionRow {
  id: string;
  seq: string;
  channel: Channel;
  external_id: string;
  text: string;
  url: string | null;
  in_reply_to: string | null;
  media: MentionMediaInput[];
  lat: number | null;
  lon: number | null;
  raw?: unknown;
  posted_at: Date;
  received_at: Date;
  status: MentionStatus;
  urgency: Urgency;
  urgency_rank: number;
  score: number;
  opd_codes: string[];
  kecamatan_code: string | null;
  tags: MentionTags;
  cluster_id: string | null;
  /** From the clusters row; null when the mention has no cluster. */
  cluster_size: number | null;
  author_handle: string;
  author_name: string | null;
  author_followers: number | null;
  author_verified: boolean;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
  assigned_to: string | null;
  assigned_to_name: string | null;
  labels: string[];
  escalation_level: number;
  follows_up_id: string | null;
  follows_up_ticket: string | null;
  /** Mentions linked as its follow-ups (read for the detail only). */
  follow_up_count?: number;
}

/** The ticket link stored with a mention (`follows_up_id`, `follows_up_ticket`), or null. */
export function followUpLinkOf(mentionId: string | null, ticketNumber: string | null): MentionFollowUpLink | null {
  return mentionId && ticketNumber ? { mentionId, ticketNumber } : null;
}

export function mapMention(row: MentionRow): Mention {
  const mention: Mention = {
    id: row.id,
    seq: Number(row.seq),
    channel: row.channel,
    externalId: row.external_id,
    text: row.text,
    author: {
      handle: row.author_handle,
      name: row.author_name,
      followers: row.author_followers,
      verified: row.author_verified,
    },
    postedAt: row.posted_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    url: row.url,
    inReplyTo: row.in_reply_to,
    media: row.media,
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    status: row.status,
    urgency: row.urgency,
    score: row.score,
    opdCodes: row.opd_codes,
    kecamatanCode: row.kecamatan_code,
    tags: row.tags,
    clusterId: row.cluster_id,
    clusterSize: row.cluster_size ?? 1,
    claimedBy: row.claimed_by ? { id: row.claimed_by, name: row.claimed_by_name ?? '' } : null,
    claimedAt: row.claimed_at ? row.claimed_at.toISOString() : null,
    assignedTo: row.assigned_to ? { id: row.assigned_to, name: row.assigned_to_name ?? '' } : null,
    ticketNumber: ticketNumberOf(Number(row.seq), row.received_at),
    followUpOf: followUpLinkOf(row.follows_up_id, row.follows_up_ticket),
    ...(row.follow_up_count === undefined ? {} : { followUpCount: row.follow_up_count }),
    labels: row.labels ?? [],
    escalationLevel: row.escalation_level ?? 0,
  };
  if (row.raw !== undefined) mention.raw = row.raw;
  return mention;
}
