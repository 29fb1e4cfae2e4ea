import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AreaView, CreateOpdRequest, DeskSettingsView, OpdView, UpdateOpdRequest } from '@sigap/contracts';
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

export const useCreateOpd = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOpdRequest) => apiRequest<OpdView>('/reference/opds', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.opds() }),
  });
};

export const useUpdateOpd = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, changes }: { code: string; changes: UpdateOpdRequest }) =>
      apiRequest<OpdView>(`/reference/opds/${encodeURIComponent(code)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.opds() }),
  });
};

/** Set by environment variables at boot; never changes while the server runs. */
export const useDeskSettings = () =>
  useQuery({
    queryKey: ['settings'] as const,
    queryFn: ({ signal }) => apiRequest<DeskSettingsView>('/settings', { signal }),
    staleTime: Infinity,
  });
