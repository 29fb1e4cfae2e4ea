import {
  BOARD_UNCLAIMED_STATUSES,
  CHANNELS,
  CLOSED_STATUSES,
  MENTION_SORTS,
  MENTION_STATUSES,
  OPD_CODE_PATTERN,
  URGENCIES,
  parseTicketNumber,
  urgencyRank,
  type Channel,
  type Mention,
  type MentionQuery,
  type MentionSort,
  type MentionStatus,
  type Urgency,
} from '@sigap/contracts';

/** What the inbox asks for: a MentionQuery without paging, every list sorted, `sort` always set. */
export interface MentionFilters {
  urgency: Urgency[];
  opd: string[];
  channel: Channel[];
  kecamatan: string[];
  status: MentionStatus[];
  q: string;
  /** `me`, `none` or a user id; empty for anyone. */
  holder: string;
  /** `me`, `none` or a user id; empty for anyone. */
  assignee: string;
  /** One label; empty for any. */
  label: string;
  /** Only mentions escalated at least one step. */
  escalated: boolean;
  /** Only mentions this OPD forwarded away in the board's bounce window; empty for any. */
  forwardedFrom: string;
  sort: MentionSort;
}

const PERSON_FILTER = /^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A holder/assignee filter value as the API accepts it, or empty when it is not one. */
export const normalizePersonFilter = (value: string | undefined): string => {
  const trimmed = (value ?? '').trim().toLowerCase();
  return PERSON_FILTER.test(trimmed) ? trimmed : '';
};

/** The inbox shows the most urgent first (the API's own default is `newest`). */
export const DEFAULT_MENTION_SORT: MentionSort = 'urgency';

export const emptyMentionFilters = (): MentionFilters => ({
  urgency: [],
  opd: [],
  channel: [],
  kecamatan: [],
  status: [],
  q: '',
  holder: '',
  assignee: '',
  label: '',
  escalated: false,
  forwardedFrom: '',
  sort: DEFAULT_MENTION_SORT,
});

const uniqueSorted = <T extends string>(values: readonly T[] | undefined): T[] =>
  [...new Set(values ?? [])].sort();

/** Brings filters into one canonical shape so equal filters make equal query keys. */
export const normalizeMentionFilters = (input: Partial<MentionFilters>): MentionFilters => ({
  urgency: uniqueSorted(input.urgency?.filter((u) => URGENCIES.includes(u))),
  opd: uniqueSorted(input.opd),
  channel: uniqueSorted(input.channel?.filter((c) => CHANNELS.includes(c))),
  kecamatan: uniqueSorted(input.kecamatan),
  status: uniqueSorted(input.status?.filter((s) => MENTION_STATUSES.includes(s))),
  q: (input.q ?? '').trim().replace(/\s+/g, ' '),
  holder: normalizePersonFilter(input.holder),
  assignee: normalizePersonFilter(input.assignee),
  label: (input.label ?? '').trim().slice(0, 64),
  escalated: input.escalated === true,
  forwardedFrom: OPD_CODE_PATTERN.test((input.forwardedFrom ?? '').trim().toUpperCase()) ? (input.forwardedFrom ?? '').trim().toUpperCase() : '',
  sort: input.sort && MENTION_SORTS.includes(input.sort) ? input.sort : DEFAULT_MENTION_SORT,
});

export const hasActiveFilters = (filters: MentionFilters): boolean =>
  filters.urgency.length > 0 ||
  filters.opd.length > 0 ||
  filters.channel.length > 0 ||
  filters.kecamatan.length > 0 ||
  filters.status.length > 0 ||
  filters.q.length > 0 ||
  filters.holder !== '' ||
  filters.assignee !== '' ||
  filters.label !== '' ||
  filters.escalated ||
  filters.forwardedFrom !== '';

/**
 * Writes the filters (not the sort) the way the API reads them, multi-value filters
 * comma-separated; the inbox's address uses the same form.
 */
export const writeFilterParams = (params: URLSearchParams, filters: MentionFilters): void => {
  const list = (key: string, values: readonly string[]): void => {
    if (values.length) params.set(key, values.join(','));
  };
  list('urgency', filters.urgency);
  list('opd', filters.opd);
  list('channel', filters.channel);
  list('kecamatan', filters.kecamatan);
  list('status', filters.status);
  if (filters.q) params.set('q', filters.q);
  if (filters.holder) params.set('holder', filters.holder);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.label) params.set('label', filters.label);
  if (filters.escalated) params.set('escalated', '1');
  if (filters.forwardedFrom) params.set('forwardedFrom', filters.forwardedFrom);
};

/** The REST query string for one page (multi-value filters comma-separated). */
export const toMentionSearchParams = (
  filters: MentionFilters,
  page: Pick<MentionQuery, 'cursor' | 'limit'> = {},
): URLSearchParams => {
  const params = new URLSearchParams();
  writeFilterParams(params, filters);
  params.set('sort', filters.sort);
  if (page.cursor) params.set('cursor', page.cursor);
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  return params;
};

/**
 * Mentions carry office-style area codes ("KEC-3273010") while the area list uses bare BPS codes
 * ("3273010"); the API accepts both in filters. Compare them without the prefix.
 */
export const bareAreaCode = (code: string): string => code.replace(/^(KEC|KEL)-/, '');

/**
 * The client-side twin of the server's filter, used to decide whether a live mention belongs in
 * a cached list. Like the API, free text matches when the whole query occurs, case-insensitively,
 * in the text or in the author handle, and a ticket number finds its mention and follow-ups. `me` in the holder/assignee filters is `viewerId` (no
 * mention matches `me` without one). Where it was forwarded from is history a mention does not
 * carry: one already `listed` keeps that part of its match, and no other joins such a list live.
 */
export const matchesMentionFilters = (mention: Mention, filters: MentionFilters, viewerId?: string | null, listed = false): boolean => {
  if (filters.forwardedFrom && !listed) return false;
  if (!matchesPerson(mention.claimedBy?.id ?? null, filters.holder, viewerId)) return false;
  if (!matchesPerson(mention.assignedTo?.id ?? null, filters.assignee, viewerId)) return false;
  if (filters.label && !(mention.labels ?? []).includes(filters.label)) return false;
  if (filters.escalated && !(mention.escalationLevel > 0)) return false;
  if (filters.urgency.length && !filters.urgency.includes(mention.urgency)) return false;
  if (filters.channel.length && !filters.channel.includes(mention.channel)) return false;
  if (filters.status.length && !filters.status.includes(mention.status)) return false;
  if (filters.opd.length && !mention.opdCodes.some((code) => filters.opd.includes(code))) return false;
  if (filters.kecamatan.length) {
    const kecamatan = mention.kecamatanCode === null ? null : bareAreaCode(mention.kecamatanCode);
    if (kecamatan === null || !filters.kecamatan.some((code) => bareAreaCode(code) === kecamatan)) return false;
  }
  if (filters.q) {
    const q = filters.q.toLocaleLowerCase('id');
    if (!mention.text.toLocaleLowerCase('id').includes(q) && !mention.author.handle.toLocaleLowerCase('id').includes(q) && !isOfTicket(mention, filters.q)) {
      return false;
    }
  }
  return true;
};

/** A query that is a ticket number also finds that ticket's mention and its follow-ups (as the API does). */
const isOfTicket = (mention: Mention, q: string): boolean => {
  const ticket = parseTicketNumber(q)?.ticketNumber;
  return ticket !== undefined && (mention.ticketNumber === ticket || mention.followUpOf?.ticketNumber === ticket);
};

const matchesPerson = (personId: string | null, filter: string, viewerId?: string | null): boolean => {
  if (!filter) return true;
  if (filter === 'none') return personId === null;
  if (filter === 'me') return Boolean(viewerId) && personId === viewerId;
  return personId === filter;
};

const compareNewest = (a: Mention, b: Mention): number => {
  const byTime = Date.parse(b.postedAt) - Date.parse(a.postedAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
};

/**
 * Orders two mentions the way the API orders a list with that sort: newest = postedAt
 * descending, oldest = ascending, urgency = urgency rank then newest; ties broken by id.
 * Negative when `a` comes first.
 */
export const compareMentions = (sort: MentionSort, a: Mention, b: Mention): number => {
  switch (sort) {
    case 'newest':
      return compareNewest(a, b);
    case 'oldest':
      return -compareNewest(a, b);
    case 'urgency': {
      const byRank = urgencyRank(a.urgency) - urgencyRank(b.urgency);
      return byRank !== 0 ? byRank : compareNewest(a, b);
    }
  }
};

/** Where the desk views live in the dashboard. */
export const INBOX_PATH = '/';
export const MY_WORK_PATH = '/pekerjaan-saya';
export const BOARD_PATH = '/papan';
export const APPROVALS_PATH = '/persetujuan';

/**
 * A link into the inbox (or "Pekerjaan saya") showing these filters and, optionally, one mention
 * selected; the board's drill-downs use it.
 */
export const inboxHref = (filters: Partial<MentionFilters>, selectedId: string | null = null, path: string = INBOX_PATH): string => {
  const params = new URLSearchParams();
  const normalized = normalizeMentionFilters(filters);
  writeFilterParams(params, normalized);
  if (normalized.sort !== DEFAULT_MENTION_SORT) params.set('sort', normalized.sort);
  if (selectedId) params.set('m', selectedId);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

/** The current page's address (filters kept) with another mention selected: a link from one mention to another. */
export const withSelectedMention = (pathname: string, search: string, mentionId: string): string => {
  const params = new URLSearchParams(search);
  params.set('m', mentionId);
  return `${pathname}?${params.toString()}`;
};

/** Statuses still needing someone (not closed): what "Pekerjaan saya" lists. */
export const OPEN_STATUSES: MentionStatus[] = MENTION_STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));

export const MY_WORK_PRESETS = ['holding', 'assigned', 'awaiting'] as const;
export type MyWorkPreset = (typeof MY_WORK_PRESETS)[number];

/** The filters of each "Pekerjaan saya" tab. */
export const myWorkFilters = (preset: MyWorkPreset): Partial<MentionFilters> => {
  switch (preset) {
    case 'holding':
      return { holder: 'me', status: OPEN_STATUSES };
    case 'assigned':
      return { assignee: 'me', status: OPEN_STATUSES };
    case 'awaiting':
      return { holder: 'me', status: ['menunggu_persetujuan'] };
  }
};

/** The tab whose filters these are (whatever the sort), or null after the reader changed them. */
export const activeMyWorkPreset = (filters: MentionFilters): MyWorkPreset | null => {
  const withoutSort = (f: MentionFilters): string => JSON.stringify({ ...f, sort: null });
  return MY_WORK_PRESETS.find((preset) => withoutSort(normalizeMentionFilters(myWorkFilters(preset))) === withoutSort(filters)) ?? null;
};

/** What a board tile drills into: that urgency, held by nobody, still waiting. */
export const unclaimedFilters = (urgency: Urgency): Partial<MentionFilters> => ({
  urgency: [urgency],
  holder: 'none',
  status: [...BOARD_UNCLAIMED_STATUSES],
});
