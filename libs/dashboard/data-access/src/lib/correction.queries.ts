import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Mention, MentionCorrectionRequest, MentionCorrectionView } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { applyCorrectionToCaches } from './correction-cache';
import { applyLiveBatch } from './live-cache';

export interface CorrectMentionVariables {
  id: string;
  correction: MentionCorrectionRequest;
}

const mentionPath = (id: string): string => `/mentions/${encodeURIComponent(id)}`;

/**
 * An admin corrects a mention's urgency and/or OPDs. On success the caches show the correction
 * at once; the server's copy of the mention (exact score and tags) then replaces the local one.
 */
export const useCorrectMention = () => {
  const queryClient = useQueryClient();
  return useMutation<MentionCorrectionView, Error, CorrectMentionVariables>({
    mutationFn: ({ id, correction }) =>
      apiRequest<MentionCorrectionView>(`${mentionPath(id)}/corrections`, { method: 'POST', body: correction }),
    onSuccess: (correction) => {
      applyCorrectionToCaches(queryClient, correction);
      // Best effort: the local copy already shows the correction.
      void apiRequest<Mention>(mentionPath(correction.mentionId))
        .then((fresh) => applyLiveBatch(queryClient, [fresh]))
        .catch(() => undefined);
    },
  });
};
