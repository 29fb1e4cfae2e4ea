import { describe, expect, it } from 'vitest';
import { ids, listData, makeMention } from '../testing/mention.fixture';
import { flattenMentionPages, mergeLiveBatch } from './mention-cache';
import { emptyMentionFilters, type MentionFilters } from './mention-filters';

const byUrgency: MentionFilters = emptyMentionFilters();
const newest: MentionFilters = { ...emptyMentionFilters(), sort: 'newest' };
const at = (minute: number): string => new Date(Date.UTC(2025, 2, 12, 7, minute)).toISOString();

describe('mergeLiveBatch', () => {
  it('inserts a live mention at its sort position (urgency, then newest)', () => {
    const critical = makeMention({ id: 'c1', urgency: 'critical', postedAt: at(1) });
    const high = makeMention({ id: 'h1', urgency: 'high', postedAt: at(5) });
    const low = makeMention({ id: 'l1', urgency: 'low', postedAt: at(9) });
    const data = listData({ items: [critical, high, low], nextCursor: null });

    const incoming = makeMention({ id: 'h2', urgency: 'high', postedAt: at(7) });
    expect(ids(mergeLiveBatch(data, [incoming], byUrgency))).toEqual(['c1', 'h2', 'h1', 'l1']);

    const newCritical = makeMention({ id: 'c2', urgency: 'critical', postedAt: at(3) });
    expect(ids(mergeLiveBatch(data, [newCritical], byUrgency))).toEqual(['c2', 'c1', 'h1', 'l1']);
  });

  it('puts the newest first under sort=newest, within a batch too', () => {
    const data = listData({ items: [makeMention({ id: 'a', postedAt: at(10) })], nextCursor: 'next' });
    const batch = [makeMention({ id: 'b', postedAt: at(11) }), makeMention({ id: 'c', postedAt: at(12) })];
    expect(ids(mergeLiveBatch(data, batch, newest))).toEqual(['c', 'b', 'a']);
  });

  it('drops mentions that do not match the filters', () => {
    const data = listData({ items: [makeMention({ id: 'a', urgency: 'critical' })], nextCursor: null });
    const filters: MentionFilters = { ...byUrgency, urgency: ['critical'] };
    const result = mergeLiveBatch(data, [makeMention({ id: 'b', urgency: 'low' })], filters);
    expect(result).toBe(data);
    expect(ids(result)).toEqual(['a']);
  });

  it('de-duplicates by id: a known mention is updated where it stands, not inserted again', () => {
    const first = makeMention({ id: 'a', urgency: 'high', postedAt: at(1), seq: 1 });
    const second = makeMention({ id: 'b', urgency: 'high', postedAt: at(0), seq: 2 });
    const data = listData({ items: [first, second], nextCursor: null });
    const update = { ...first, seq: 3, status: 'ditangani' as const };

    const result = mergeLiveBatch(data, [update, update], byUrgency);
    expect(ids(result)).toEqual(['a', 'b']);
    expect(result?.pages[0].items[0].status).toBe('ditangani');
  });

  it('ignores a replayed copy older than the one held', () => {
    const held = makeMention({ id: 'a', seq: 5, status: 'selesai' });
    const data = listData({ items: [held], nextCursor: null });
    const result = mergeLiveBatch(data, [{ ...held, seq: 4, status: 'baru' }], byUrgency);
    expect(result?.pages[0].items[0].status).toBe('selesai');
  });

  it('removes a known mention that no longer matches the filters', () => {
    const item = makeMention({ id: 'a', status: 'baru' });
    const filters: MentionFilters = { ...byUrgency, status: ['baru'] };
    const data = listData({ items: [item], nextCursor: null });
    expect(ids(mergeLiveBatch(data, [{ ...item, seq: item.seq + 1, status: 'selesai' }], filters))).toEqual([]);
  });

  it('leaves a mention that sorts after the loaded pages for the next page', () => {
    const data = listData(
      { items: [makeMention({ id: 'a', postedAt: at(20) })], nextCursor: 'p2' },
      { items: [makeMention({ id: 'b', postedAt: at(10) })], nextCursor: 'p3' },
    );
    const older = makeMention({ id: 'old', postedAt: at(1) });
    expect(mergeLiveBatch(data, [older], newest)).toBe(data);

    const complete = listData({ items: [makeMention({ id: 'a', postedAt: at(20) })], nextCursor: null });
    expect(ids(mergeLiveBatch(complete, [older], newest))).toEqual(['a', 'old']);
  });

  it('inserts into the page whose range holds the mention and copies only that page', () => {
    const page1 = { items: [makeMention({ id: 'a', postedAt: at(30) }), makeMention({ id: 'b', postedAt: at(25) })], nextCursor: 'p2' };
    const page2 = { items: [makeMention({ id: 'c', postedAt: at(20) }), makeMention({ id: 'd', postedAt: at(10) })], nextCursor: 'p3' };
    const data = listData(page1, page2);

    const result = mergeLiveBatch(data, [makeMention({ id: 'x', postedAt: at(15) })], newest);
    expect(ids(result)).toEqual(['a', 'b', 'c', 'x', 'd']);
    expect(result?.pages[0]).toBe(page1);
    expect(result?.pages[1]).not.toBe(page2);
    expect(page2.items.map((item) => item.id)).toEqual(['c', 'd']);
  });

  it('fills an empty, complete list', () => {
    const data = listData({ items: [], nextCursor: null });
    expect(ids(mergeLiveBatch(data, [makeMention({ id: 'a' })], byUrgency))).toEqual(['a']);
  });

  it('leaves a list that is not loaded yet alone', () => {
    expect(mergeLiveBatch(undefined, [makeMention()], byUrgency)).toBeUndefined();
  });
});

describe('flattenMentionPages', () => {
  it('concatenates pages and keeps the first copy of a repeated id', () => {
    const a = makeMention({ id: 'a' });
    const b = makeMention({ id: 'b' });
    const data = listData({ items: [a, b], nextCursor: 'p2' }, { items: [b, makeMention({ id: 'c' })], nextCursor: null });
    expect(flattenMentionPages(data).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});
