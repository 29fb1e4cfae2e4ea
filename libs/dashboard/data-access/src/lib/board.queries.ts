import { useQuery } from '@tanstack/react-query';
import type { ApprovalItem, DeskBoard, MyWorkCounts } from '@sigap/contracts';
import { ApiError, apiRequest } from './api-client';
import { queryKeys } from './query-keys';

/** One reply waiting for a supervisor, exactly as `GET /api/v1/approvals` lists it. */
export type PendingApproval = ApprovalItem;

/** The approval queue, or `unavailable` when this server has no approvals endpoint (404). */
export type ApprovalQueue = { available: true; items: PendingApproval[] } | { available: false; items: [] };

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

export const fetchApprovalQueue = async (signal?: AbortSignal): Promise<ApprovalQueue> => {
  try {
    const items = await apiRequest<PendingApproval[]>('/approvals', { signal });
    return { available: true, items: Array.isArray(items) ? items : [] };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { available: false, items: [] };
    throw error;
  }
};

export const useApprovalQueue = (enabled = true) =>
  useQuery({
    queryKey: queryKeys.approvals(),
    queryFn: ({ signal }) => fetchApprovalQueue(signal),
    staleTime: 60_000,
    enabled,
  });
