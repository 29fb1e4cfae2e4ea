import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Mention } from '@sigap/contracts';
import { ids, listData, makeMention } from '../testing/mention.fixture';
import { applyMentionUpdate } from './desk-cache';
import type { MentionListData } from './mention-cache';
import { emptyMentionFilters } from './mention-filters';
import { queryKeys } from './query-keys';

const deskExtras = { assignedTo: null, opdCodes: [], labels: [], escalationLevel: 0 };

describe('applyMentionUpdate', () => {
  it('shows a claim and a status change in the detail and every list, by each list’s filters', () => {
    const client = new QueryClient();
    const all = emptyMentionFilters();
    const newOnly = { ...emptyMentionFilters(), status: ['baru' as const] };
    const target = makeMention({ id: 't', status: 'baru', raw: { original: true } });
    const other = makeMention({ id: 'o', status: 'baru' });
    const { raw: _raw, ...listed } = target;
    client.setQueryData(queryKeys.mentionList(all), listData({ items: [listed, other], nextCursor: null }));
    client.setQueryData(queryKeys.mentionList(newOnly), listData({ items: [listed, other], nextCursor: null }));
    client.setQueryData(queryKeys.mentionDetail('t'), target);

    const holder = { id: 'u-1', name: 'Admin DLH' };
    const claimed = applyMentionUpdate(client, { id: 't', status: 'baru', claimedBy: holder, claimedAt: '2026-11-28T10:00:00.000Z', ...deskExtras });
    expect(claimed?.claimedBy).toEqual(holder);
    const detail = client.getQueryData<Mention>(queryKeys.mentionDetail('t'));
    expect(detail).toMatchObject({ claimedBy: holder, claimedAt: '2026-11-28T10:00:00.000Z', raw: { original: true } });
    const listedAll = client.getQueryData<MentionListData>(queryKeys.mentionList(all));
    expect(listedAll?.pages[0].items.find((m) => m.id === 't')?.claimedBy).toEqual(holder);

    applyMentionUpdate(client, { id: 't', status: 'selesai', claimedBy: holder, claimedAt: '2026-11-28T10:00:00.000Z', ...deskExtras });
    expect(ids(client.getQueryData<MentionListData>(queryKeys.mentionList(newOnly)))).toEqual(['o']);
    expect(client.getQueryData<Mention>(queryKeys.mentionDetail('t'))?.status).toBe('selesai');
  });

  it('carries a ticket link when the update has one, and keeps the link of updates without it', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.mentionDetail('t'), makeMention({ id: 't' }));
    const link = { mentionId: 'root', ticketNumber: 'BDG-2026-000007' };
    const base = { id: 't', status: 'baru' as const, claimedBy: null, claimedAt: null, ...deskExtras };
    expect(applyMentionUpdate(client, { ...base, followUpOf: link })?.followUpOf).toEqual(link);
    // A claim or status change announced later says nothing of the link: it stays.
    expect(applyMentionUpdate(client, { ...base, status: 'ditangani' })?.followUpOf).toEqual(link);
    expect(applyMentionUpdate(client, { ...base, followUpOf: null })?.followUpOf).toBeNull();
  });

  it('does nothing for a mention no cache holds', () => {
    const client = new QueryClient();
    expect(applyMentionUpdate(client, { id: 'x', status: 'baru', claimedBy: null, claimedAt: null, ...deskExtras })).toBeUndefined();
  });
});
