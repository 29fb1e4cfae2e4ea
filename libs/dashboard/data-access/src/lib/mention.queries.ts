import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Mention, MentionPage } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { toMentionSearchParams, type MentionFilters } from './mention-filters';
import type { MentionListData } from './mention-cache';
import { queryKeys, type MentionListKey } from './query-keys';

/** Rows fetched per page; the API allows up to 200. */
export const MENTION_PAGE_SIZE = 100;

export const fetchMentionPage = (
  filters: MentionFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<MentionPage> =>
  apiRequest<MentionPage>('/mentions', {
    query: toMentionSearchParams(filters, { cursor: cursor ?? undefined, limit: MENTION_PAGE_SIZE }),
    signal,
  });

/**
 * One inbox list, paged by keyset cursor. The live socket keeps it current, so it is never
 * refetched on its own: refetching would walk every loaded page again.
 */
export const useMentionList = (filters: MentionFilters) =>
  useInfiniteQuery<MentionPage, Error, MentionListData, MentionListKey, string | null>({
    queryKey: queryKeys.mentionList(filters),
    queryFn: ({ pageParam, signal }) => fetchMentionPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: Infinity,
    gcTime: 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    placeholderData: keepPreviousData,
  });

/** One mention with its raw payload; shows the list's copy while the full one loads. */
export const useMentionDetail = (id: string | null, fromList?: Mention) =>
  useQuery({
    queryKey: queryKeys.mentionDetail(id ?? ''),
    queryFn: ({ signal }) => apiRequest<Mention>(`/mentions/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    placeholderData: fromList,
    staleTime: 30_000,
  });
