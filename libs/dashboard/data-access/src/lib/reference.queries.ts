import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AreaView, CreateOpdRequest, DeskSettingsView, OpdView, UpdateDeskSettingsRequest, UpdateOpdRequest } from '@sigap/contracts';
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

const SETTINGS_KEY = ['settings'] as const;

/** The desk settings in effect: environment defaults, and what the superadmin changed at run time. */
export const useDeskSettings = () =>
  useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => apiRequest<DeskSettingsView>('/settings', { signal }),
    staleTime: 60_000,
  });

/** A partial change; `null` for a setting resets it to its environment default. */
export const useUpdateDeskSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDeskSettingsRequest) => apiRequest<DeskSettingsView>('/settings', { method: 'PATCH', body }),
    onSuccess: (view) => queryClient.setQueryData(SETTINGS_KEY, view),
  });
};
