import { useQuery } from '@tanstack/react-query';
import type { AreaView, OpdView } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { queryKeys } from './query-keys';

const REFERENCE_STALE_MS = 30 * 60_000;

export const useOpds = () =>
  useQuery({
    queryKey: queryKeys.opds(),
    queryFn: ({ signal }) => apiRequest<OpdView[]>('/reference/opds', { signal }),
    staleTime: REFERENCE_STALE_MS,
  });

export const useAreas = (kind: AreaView['kind']) =>
  useQuery({
    queryKey: queryKeys.areas(kind),
    queryFn: ({ signal }) =>
      apiRequest<AreaView[]>('/reference/areas', { query: new URLSearchParams({ kind }), signal }),
    staleTime: REFERENCE_STALE_MS,
  });
