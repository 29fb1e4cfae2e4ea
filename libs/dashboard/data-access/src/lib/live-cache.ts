import type { QueryClient } from '@tanstack/react-query';
import type { Mention } from '@sigap/contracts';
import { authStore } from './auth-store';
import { mergeLiveBatch, type MentionListData } from './mention-cache';
import { queryKeys, type MentionListKey } from './query-keys';

/** Feeds one live batch into every cached inbox list and every cached mention detail. */
export const applyLiveBatch = (queryClient: QueryClient, batch: readonly Mention[]): void => {
  if (batch.length === 0) return;
  const viewerId = authStore.get()?.user.id ?? null;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: queryKeys.mentionLists() })) {
    const [, , filters] = query.queryKey as MentionListKey;
    queryClient.setQueryData<MentionListData>(query.queryKey, (old) => mergeLiveBatch(old, batch, filters, viewerId));
  }
  for (const mention of batch) {
    // The socket carries no `raw`; keep the one the detail request brought.
    queryClient.setQueryData<Mention>(queryKeys.mentionDetail(mention.id), (old) =>
      old ? { ...mention, raw: old.raw } : old,
    );
  }
};
