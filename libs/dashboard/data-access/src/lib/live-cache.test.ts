import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { ids, listData, makeMention } from '../testing/mention.fixture';
import { applyLiveBatch } from './live-cache';
import type { MentionListData } from './mention-cache';
import { emptyMentionFilters } from './mention-filters';
import { queryKeys } from './query-keys';

describe('applyLiveBatch', () => {
  it('feeds every cached list through its own filters and refreshes cached details', () => {
    const client = new QueryClient();
    const all = emptyMentionFilters();
    const criticalOnly = { ...emptyMentionFilters(), urgency: ['critical' as const] };
    client.setQueryData(queryKeys.mentionList(all), listData({ items: [], nextCursor: null }));
    client.setQueryData(queryKeys.mentionList(criticalOnly), listData({ items: [], nextCursor: null }));
    const held = makeMention({ id: 'held', status: 'baru', raw: { original: true } });
    client.setQueryData(queryKeys.mentionDetail('held'), held);

    const critical = makeMention({ id: 'c', urgency: 'critical' });
    const low = makeMention({ id: 'l', urgency: 'low' });
    const update = { ...held, seq: held.seq + 100, status: 'selesai' as const, raw: undefined };
    applyLiveBatch(client, [critical, low, update]);

    expect(ids(client.getQueryData<MentionListData>(queryKeys.mentionList(all)))).toEqual(['c', 'held', 'l']);
    expect(ids(client.getQueryData<MentionListData>(queryKeys.mentionList(criticalOnly)))).toEqual(['c']);
    const detail = client.getQueryData<typeof held>(queryKeys.mentionDetail('held'));
    expect(detail?.status).toBe('selesai');
    expect(detail?.raw).toEqual({ original: true });
    expect(client.getQueryData(queryKeys.mentionDetail('c'))).toBeUndefined();
  });
});
