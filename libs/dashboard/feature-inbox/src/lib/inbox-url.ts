import { MENTION_SORTS, type Channel, type MentionSort, type MentionStatus, type Urgency } from '@sigap/contracts';
import { normalizeMentionFilters, writeFilterParams, type MentionFilters } from '@sigap/dashboard/data-access';

/** The inbox keeps its filters and selection in the address, so a reload or a shared link shows the same view. */
export interface InboxUrlState {
  filters: MentionFilters;
  selectedId: string | null;
}

const list = (params: URLSearchParams, key: string): string[] =>
  (params.get(key) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);

export const readInboxUrl = (params: URLSearchParams): InboxUrlState => {
  const sort = params.get('sort');
  return {
    filters: normalizeMentionFilters({
      urgency: list(params, 'urgency') as Urgency[],
      opd: list(params, 'opd'),
      channel: list(params, 'channel') as Channel[],
      kecamatan: list(params, 'kecamatan'),
      status: list(params, 'status') as MentionStatus[],
      q: params.get('q') ?? '',
      holder: params.get('holder') ?? '',
      assignee: params.get('assignee') ?? '',
      label: params.get('label') ?? '',
      escalated: params.get('escalated') === '1',
      forwardedFrom: params.get('forwardedFrom') ?? '',
      sort: sort && (MENTION_SORTS as readonly string[]).includes(sort) ? (sort as MentionSort) : undefined,
    }),
    selectedId: params.get('m') || null,
  };
};

export const writeInboxUrl = ({ filters, selectedId }: InboxUrlState): URLSearchParams => {
  const params = new URLSearchParams();
  writeFilterParams(params, filters);
  if (filters.sort !== normalizeMentionFilters({}).sort) params.set('sort', filters.sort);
  if (selectedId) params.set('m', selectedId);
  return params;
};
