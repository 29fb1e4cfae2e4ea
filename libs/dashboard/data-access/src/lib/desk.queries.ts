import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MentionDeskState, MentionStatusRequest } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { applyMentionUpdate } from './desk-cache';

const deskPath = (id: string, action: 'claim' | 'release' | 'status'): string => `/mentions/${encodeURIComponent(id)}/${action}`;

/** Claims a mention for the signed-in admin; a 409 (someone else holds it) names the holder in `details.holder`. */
/** Claims a mention by id; `{ id, cluster: true }` also claims the unheld rest of its cluster (they arrive live). */
export const useClaimMention = () => {
  const queryClient = useQueryClient();
  return useMutation<MentionDeskState, Error, string | { id: string; cluster: boolean }>({
    mutationFn: (target) => {
      const { id, cluster } = typeof target === 'string' ? { id: target, cluster: false } : target;
      return apiRequest<MentionDeskState>(deskPath(id, 'claim'), { method: 'POST', ...(cluster ? { body: { cluster: true } } : {}) });
    },
    onSuccess: (state) => void applyMentionUpdate(queryClient, state),
  });
};

export const useReleaseMention = () => {
  const queryClient = useQueryClient();
  return useMutation<MentionDeskState, Error, string>({
    mutationFn: (id) => apiRequest<MentionDeskState>(deskPath(id, 'release'), { method: 'POST' }),
    onSuccess: (state) => void applyMentionUpdate(queryClient, state),
  });
};

export interface SetMentionStatusVariables extends MentionStatusRequest {
  id: string;
}

export const useSetMentionStatus = () => {
  const queryClient = useQueryClient();
  return useMutation<MentionDeskState, Error, SetMentionStatusVariables>({
    mutationFn: ({ id, ...body }) => apiRequest<MentionDeskState>(deskPath(id, 'status'), { method: 'POST', body }),
    onSuccess: (state) => void applyMentionUpdate(queryClient, state),
  });
};
