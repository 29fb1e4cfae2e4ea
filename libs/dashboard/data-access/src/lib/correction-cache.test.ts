import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { correctedMarkerOf, type Mention, type MentionCorrectionView } from '@sigap/contracts';
import { ids, listData, makeMention } from '../testing/mention.fixture';
import { applyCorrection, applyCorrectionToCaches } from './correction-cache';
import type { MentionListData } from './mention-cache';
import { emptyMentionFilters } from './mention-filters';
import { queryKeys } from './query-keys';

const correctionOf = (mention: Mention, after: MentionCorrectionView['after']): MentionCorrectionView => ({
  id: 'c-1',
  mentionId: mention.id,
  userId: 'u-1',
  before: { urgency: mention.urgency, opd: mention.opdCodes.filter((code) => !code.startsWith('KEC-')) },
  after,
  createdAt: '2025-03-12T08:00:00.000Z',
});

describe('applyCorrection', () => {
  it('sets urgency and OPDs, keeps the area offices after them and marks the tags corrected', () => {
    const mention = makeMention({
      urgency: 'low',
      opdCodes: ['DLH', 'KEC-3273010'],
      tags: {
        ...makeMention().tags,
        urgency: 'low',
        opd: [
          { code: 'DLH', confidence: 0.6 },
          { code: 'KEC-3273010', confidence: 0.4 },
        ],
      },
    });
    const updated = applyCorrection(mention, correctionOf(mention, { urgency: 'critical', opd: ['DPU', 'DLH'] }));

    expect(updated.urgency).toBe('critical');
    expect(updated.tags.urgency).toBe('critical');
    expect(updated.opdCodes).toEqual(['DPU', 'DLH', 'KEC-3273010']);
    expect(updated.tags.opd).toEqual([
      { code: 'DPU', confidence: 1 },
      { code: 'DLH', confidence: 1 },
      { code: 'KEC-3273010', confidence: 0.4 },
    ]);
    expect(correctedMarkerOf(updated.tags)).toEqual({
      by: 'u-1',
      at: '2025-03-12T08:00:00.000Z',
      before: { urgency: 'low', opd: ['DLH'] },
    });
    expect(mention.urgency).toBe('low');
  });
});

describe('applyCorrectionToCaches', () => {
  it('updates the detail and every list holding the mention, by each list’s filters', () => {
    const client = new QueryClient();
    const all = emptyMentionFilters();
    const lowOnly = { ...emptyMentionFilters(), urgency: ['low' as const] };
    const criticalOnly = { ...emptyMentionFilters(), urgency: ['critical' as const] };
    const target = makeMention({ id: 't', urgency: 'low', raw: { original: true } });
    const other = makeMention({ id: 'o', urgency: 'low' });
    const { raw: _raw, ...listed } = target;
    client.setQueryData(queryKeys.mentionList(all), listData({ items: [listed, other], nextCursor: null }));
    client.setQueryData(queryKeys.mentionList(lowOnly), listData({ items: [listed, other], nextCursor: null }));
    client.setQueryData(queryKeys.mentionList(criticalOnly), listData({ items: [], nextCursor: null }));
    client.setQueryData(queryKeys.mentionDetail('t'), target);

    const updated = applyCorrectionToCaches(client, correctionOf(target, { urgency: 'critical', opd: [] }));

    expect(updated?.urgency).toBe('critical');
    const allData = client.getQueryData<MentionListData>(queryKeys.mentionList(all));
    expect(ids(allData)).toEqual(['t', 'o']);
    expect(allData?.pages[0].items[0].urgency).toBe('critical');
    expect(correctedMarkerOf(allData!.pages[0].items[0].tags)).not.toBeNull();
    expect(ids(client.getQueryData<MentionListData>(queryKeys.mentionList(lowOnly)))).toEqual(['o']);
    expect(ids(client.getQueryData<MentionListData>(queryKeys.mentionList(criticalOnly)))).toEqual(['t']);
    const detail = client.getQueryData<Mention>(queryKeys.mentionDetail('t'));
    expect(detail?.urgency).toBe('critical');
    expect(detail?.raw).toEqual({ original: true });
  });

  it('works from a list copy when the detail is not cached', () => {
    const client = new QueryClient();
    const all = emptyMentionFilters();
    const target = makeMention({ id: 'x', urgency: 'normal' });
    client.setQueryData(queryKeys.mentionList(all), listData({ items: [target], nextCursor: null }));

    applyCorrectionToCaches(client, correctionOf(target, { urgency: 'high', opd: ['DISHUB'] }));

    const item = client.getQueryData<MentionListData>(queryKeys.mentionList(all))?.pages[0].items[0];
    expect(item?.urgency).toBe('high');
    expect(item?.opdCodes).toEqual(['DISHUB']);
    expect(client.getQueryData(queryKeys.mentionDetail('x'))).toBeUndefined();
  });

  it('changes nothing when no cache holds the mention', () => {
    const client = new QueryClient();
    expect(applyCorrectionToCaches(client, correctionOf(makeMention({ id: 'gone' }), { urgency: 'low', opd: [] }))).toBeUndefined();
  });
});
