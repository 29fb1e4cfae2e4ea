import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelKeyView, ChannelView, CreateChannelKeyRequest, CreatedChannelKey, UpdateChannelRequest } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { queryKeys } from './query-keys';

/** The 24 h counts move with the traffic; a minute old is fresh enough for this page. */
const CHANNELS_REFRESH_MS = 60_000;

export const useChannels = () =>
  useQuery({
    queryKey: queryKeys.channels(),
    queryFn: ({ signal }) => apiRequest<ChannelView[]>('/channels', { signal }),
    refetchInterval: CHANNELS_REFRESH_MS,
  });

export const useUpdateChannel = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, changes }: { code: string; changes: UpdateChannelRequest }) =>
      apiRequest<ChannelView>(`/channels/${encodeURIComponent(code)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.channels() }),
  });
};

export const useCreateChannelKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: CreateChannelKeyRequest }) =>
      apiRequest<CreatedChannelKey>(`/channels/${encodeURIComponent(code)}/keys`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.channels() }),
  });
};

export const useRevokeChannelKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, id }: { code: string; id: string }) =>
      apiRequest<ChannelKeyView>(`/channels/${encodeURIComponent(code)}/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.channels() }),
  });
};
