/**
 * The life of a mention on the desk. Values are stable machine codes; the dashboard shows them in
 * Bahasa Indonesia ("menunggu persetujuan", "bukan wewenang", "spam/tidak relevan").
 */
export const MENTION_STATUSES = [
  'baru',
  'ditangani',
  'menunggu_persetujuan',
  'dibalas',
  'selesai',
  'eskalasi',
  'bukan_wewenang',
  'spam',
  'hoaks',
] as const;
export type MentionStatus = (typeof MENTION_STATUSES)[number];

/** Where each status may go next. Claims, replies and approvals move along the same table. */
export const STATUS_TRANSITIONS: Readonly<Record<MentionStatus, readonly MentionStatus[]>> = {
  baru: ['ditangani', 'selesai', 'eskalasi', 'bukan_wewenang', 'spam', 'hoaks'],
  ditangani: ['baru', 'menunggu_persetujuan', 'dibalas', 'selesai', 'eskalasi', 'bukan_wewenang', 'spam', 'hoaks'],
  menunggu_persetujuan: ['ditangani', 'dibalas'],
  dibalas: ['ditangani', 'selesai'],
  selesai: ['ditangani'],
  eskalasi: ['baru', 'ditangani', 'selesai', 'bukan_wewenang', 'spam', 'hoaks'],
  bukan_wewenang: ['baru', 'ditangani', 'eskalasi'],
  spam: ['baru'],
  hoaks: ['ditangani', 'selesai'],
};

/**
 * Reached only through the reply flow (a reply waiting for approval, a reply sent or marked as
 * answered on the platform), never by `POST /mentions/:id/status`.
 */
export const REPLY_FLOW_STATUSES: readonly MentionStatus[] = ['menunggu_persetujuan', 'dibalas'];

/** Statuses that need a reason. */
export const STATUSES_NEEDING_REASON: readonly MentionStatus[] = ['bukan_wewenang'];

/**
 * Nobody needs to act on these any more: they leave queues, escalation and idle release. A
 * forwarded mention (`bukan_wewenang`) is not one of them: it is open work for the OPD it went to.
 */
export const CLOSED_STATUSES: readonly MentionStatus[] = ['selesai', 'dibalas', 'spam'];

/** The OPD whose verification lane receives `hoaks`. */
export const HOAX_LANE_OPD = 'DISKOMINFO';

export const canTransition = (from: MentionStatus, to: MentionStatus): boolean => STATUS_TRANSITIONS[from].includes(to);

/** Statuses a person may choose from `from` by hand (the status menu). */
export const manualStatusesFrom = (from: MentionStatus): MentionStatus[] =>
  STATUS_TRANSITIONS[from].filter((to) => !REPLY_FLOW_STATUSES.includes(to));

/** The year and stream position make a ticket number citizens can quote: `BDG-2026-000123`. */
export function ticketNumberOf(seq: number, receivedAt: Date | string): string {
  const year = new Date(receivedAt).getUTCFullYear();
  return `BDG-${year}-${String(seq).padStart(6, '0')}`;
}

/** A ticket number taken apart: its canonical form, the year received and the stream position. */
export interface TicketRef {
  /** Upper case, the position padded to six digits: `BDG-2026-000123`. */
  ticketNumber: string;
  year: number;
  seq: number;
}

// Six digits as printed, more once the stream passes a million; at most 15 so the number stays exact.
const TICKET_BODY = 'BDG-(\\d{4})-(\\d{6,15})';
const TICKET_EXACT = new RegExp(`^${TICKET_BODY}$`, 'i');
// Not glued to a longer word or number ("xBDG-…", "…0001234" followed by more digits).
const TICKET_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}_])${TICKET_BODY}(?![\\p{N}])`, 'giu');

const ticketRefOf = (year: string, seq: string): TicketRef | null => {
  const position = Number(seq);
  if (!Number.isSafeInteger(position) || position < 1) return null;
  const y = Number(year);
  return { ticketNumber: ticketNumberOf(position, new Date(Date.UTC(y, 0, 1))), year: y, seq: position };
};

/** A ticket number as someone typed it (any case, spaces around), or null when it is not one. */
export function parseTicketNumber(ticket: string): TicketRef | null {
  const match = TICKET_EXACT.exec(ticket.trim());
  return match ? ticketRefOf(match[1], match[2]) : null;
}

/** The stream position (`seq`) a ticket number names, or null when it is not one. */
export function seqOfTicketNumber(ticket: string): number | null {
  return parseTicketNumber(ticket)?.seq ?? null;
}

/** Ticket numbers a message quotes at most (a longer list is not a follow-up, it is noise). */
export const TICKETS_PER_TEXT = 5;

/**
 * The ticket numbers a citizen's message quotes ("tiket BDG-2026-000123", "bdg-2026-000123"), in
 * the order written, each once, in canonical form; at most `limit`.
 */
export function ticketNumbersIn(text: string, limit = TICKETS_PER_TEXT): TicketRef[] {
  const found = new Map<string, TicketRef>();
  for (const match of text.matchAll(TICKET_IN_TEXT)) {
    const ref = ticketRefOf(match[1], match[2]);
    if (ref && !found.has(ref.ticketNumber)) found.set(ref.ticketNumber, ref);
    if (found.size >= limit) break;
  }
  return [...found.values()];
}
