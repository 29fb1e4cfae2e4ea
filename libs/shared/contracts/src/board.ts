import type { MentionStatus } from './status-workflow';
import type { Urgency } from './mention';

/** Share of an urgency's SLA after which an unclaimed mention counts as "at risk". */
export const BOARD_AT_RISK_FRACTION = 0.75;
/** How many of the oldest unclaimed critical/high mentions the board lists. */
export const BOARD_OLDEST_LIMIT = 20;
/** Window for the "bukan wewenang" forwards counted per OPD. */
export const BOARD_BOUNCE_WINDOW_HOURS = 24;
/**
 * The board counts mentions received in the last this many days (unclaimed tiles, the oldest
 * list, OPD backlogs), so it stays fast however much history the database holds.
 */
export const BOARD_WINDOW_DAYS = 7;
/** Statuses of a mention that waits for someone to pick it up (and is not held). */
export const BOARD_UNCLAIMED_STATUSES: readonly MentionStatus[] = ['baru', 'eskalasi', 'bukan_wewenang'];

/** Unclaimed open mentions of one urgency. */
export interface BoardUrgencyTile {
  urgency: Urgency;
  /** Open (baru or eskalasi) and held by nobody. */
  unclaimed: number;
  /** How long the oldest of them has waited since it was received; null when there is none. */
  oldestWaitingSeconds: number | null;
  /** The urgency's SLA (SIGAP_SLA_<URGENCY>_SECONDS). */
  slaSeconds: number;
  /** Waited at least BOARD_AT_RISK_FRACTION of the SLA but not yet all of it. */
  atRisk: number;
  /** Waited the whole SLA or longer. */
  breached: number;
}

/** One person on the desk: what they hold and what was assigned to them (open mentions only). */
export interface BoardPerson {
  id: string;
  name: string;
  role: string;
  online: boolean;
  /** Open mentions they hold (claimed, status not closed). */
  holding: number;
  /** Open mentions assigned to them. */
  assigned: number;
}

/** One OPD's open backlog and the mentions it forwarded away as "bukan wewenang". */
export interface BoardOpd {
  code: string;
  name: string;
  /** Open mentions routed to it (status not closed). */
  backlog: number;
  /** "Bukan wewenang" forwards made from it in the last BOARD_BOUNCE_WINDOW_HOURS. */
  bounced: number;
}

/** One of the oldest unclaimed critical/high mentions. */
export interface BoardWaitingMention {
  id: string;
  ticketNumber: string;
  urgency: Urgency;
  status: MentionStatus;
  waitedSeconds: number;
  /** The start of the text, as plain text. */
  excerpt: string;
  opdCodes: string[];
}

/** `GET /api/v1/desk/board` (supervisor, superadmin). */
export interface DeskBoard {
  generatedAt: string;
  /** One tile per urgency, most urgent first. */
  urgencies: BoardUrgencyTile[];
  /** Open mentions routed to no OPD. */
  unroutedBacklog: number;
  people: BoardPerson[];
  opds: BoardOpd[];
  oldestUnclaimed: BoardWaitingMention[];
}

/** `GET /api/v1/desk/my-work`: the counts behind "Pekerjaan saya". */
export interface MyWorkCounts {
  /** Open mentions I hold. */
  holding: number;
  /** Open mentions assigned to me. */
  assigned: number;
  /** Mentions I hold whose reply waits for approval. */
  awaitingApproval: number;
}
