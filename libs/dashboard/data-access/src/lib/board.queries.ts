import { useQuery } from '@tanstack/react-query';
import type { DeskBoard, MyWorkCounts } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { queryKeys } from './query-keys';

/** The supervisor board. Refreshed by the live feed (throttled), never by polling. */
export const useDeskBoard = () =>
  useQuery({
    queryKey: queryKeys.deskBoard(),
    queryFn: ({ signal }) => apiRequest<DeskBoard>('/desk/board', { signal }),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });

/** Counts for "Pekerjaan saya"; `enabled` false for roles without a desk. */
export const useMyWorkCounts = (enabled = true) =>
  useQuery({
    queryKey: queryKeys.myWork(),
    queryFn: ({ signal }) => apiRequest<MyWorkCounts>('/desk/my-work', { signal }),
    staleTime: 60_000,
    enabled,
  });
