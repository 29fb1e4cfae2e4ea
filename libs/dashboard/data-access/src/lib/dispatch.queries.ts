import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DeskPersonView,
  MentionBulkRequest,
  MentionBulkResult,
  MentionDeskState,
  OnCallView,
  RotaShiftRequest,
  RotaShiftView,
} from '@sigap/contracts';
import { apiRequest } from './api-client';
import { applyMentionUpdate } from './desk-cache';
import { queryKeys } from './query-keys';

const ON_CALL_REFRESH_MS = 60_000;

/** Shifts of one OPD overlapping [from, to). */
export const useRota = (opd: string | null, from: string, to: string) =>
  useQuery({
    queryKey: queryKeys.rota(opd ?? '', from, to),
    queryFn: ({ signal }) => apiRequest<RotaShiftView[]>('/rota', { query: new URLSearchParams({ opd: opd ?? '', from, to }), signal }),
    enabled: opd !== null,
  });

export const useOnCall = (opd: string | null) =>
  useQuery({
    queryKey: queryKeys.onCall(opd ?? ''),
    queryFn: ({ signal }) => apiRequest<OnCallView[]>('/rota/on-call', { query: new URLSearchParams(opd ? { opd } : {}), signal }),
    refetchInterval: ON_CALL_REFRESH_MS,
  });

/** Active admins and supervisors (supervisors only: pass `enabled`). */
export const useDeskPeople = (enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.deskPeople(),
    queryFn: ({ signal }) => apiRequest<DeskPersonView[]>('/rota/people', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useCreateShift = () => {
  const queryClient = useQueryClient();
  return useMutation<RotaShiftView, Error, RotaShiftRequest>({
    mutationFn: (body) => apiRequest<RotaShiftView>('/rota', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.rotaAll() }),
  });
};

export const useDeleteShift = () => {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => apiRequest<void>(`/rota/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.rotaAll() }),
  });
};

export interface AssignMentionVariables {
  id: string;
  userId: string | null;
}

export const useAssignMention = () => {
  const queryClient = useQueryClient();
  return useMutation<MentionDeskState, Error, AssignMentionVariables>({
    mutationFn: ({ id, userId }) => apiRequest<MentionDeskState>(`/mentions/${encodeURIComponent(id)}/assign`, { method: 'POST', body: { userId } }),
    onSuccess: (state) => void applyMentionUpdate(queryClient, state),
  });
};

/** One action on many mentions; the live feed brings each change into the lists. */
export const useBulkMentionAction = () =>
  useMutation<MentionBulkResult, Error, MentionBulkRequest>({
    mutationFn: (body) => apiRequest<MentionBulkResult>('/mentions/bulk', { method: 'POST', body }),
  });
