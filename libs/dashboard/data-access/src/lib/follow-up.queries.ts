import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MentionFollowUpLink, MentionFollowUpState } from '@sigap/contracts';
import { apiRequest } from './api-client';
import { collabKeys } from './collab-cache';
import { cachedMention } from './correction-cache';
import { applyMentionUpdate } from './desk-cache';
import { queryKeys } from './query-keys';

export interface LinkFollowUpVariables {
  id: string;
  /** The ticket it follows up; null unlinks it. */
  ticketNumber: string | null;
}

/**
 * Links a mention to the ticket it follows up, or unlinks it. The mention shows the link at once;
 * the timelines and follow-up counts of the mentions involved are fetched again.
 */
export const useLinkFollowUp = () => {
  const queryClient = useQueryClient();
  return useMutation<MentionFollowUpState, Error, LinkFollowUpVariables>({
    mutationFn: ({ id, ticketNumber }) =>
      apiRequest<MentionFollowUpState>(`/mentions/${encodeURIComponent(id)}/follow-up`, { method: 'POST', body: { ticketNumber } }),
    onSuccess: (state, { id }) => {
      const previous: MentionFollowUpLink | null | undefined = cachedMention(queryClient, id)?.followUpOf;
      applyMentionUpdate(queryClient, state);
      const touched = new Set([id, previous?.mentionId, state.followUpOf?.mentionId].filter((value): value is string => typeof value === 'string'));
      for (const mentionId of touched) {
        void queryClient.invalidateQueries({ queryKey: collabKeys.timeline(mentionId) });
        if (mentionId !== id) void queryClient.invalidateQueries({ queryKey: queryKeys.mentionDetail(mentionId) });
      }
    },
  });
};
