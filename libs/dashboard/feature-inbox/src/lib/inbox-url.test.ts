import { describe, expect, it } from 'vitest';
import { emptyMentionFilters } from '@sigap/dashboard/data-access';
import { readInboxUrl, writeInboxUrl } from './inbox-url';

describe('inbox address', () => {
  it('round-trips filters and the selected mention', () => {
    const state = {
      filters: { ...emptyMentionFilters(), urgency: ['critical', 'high'] as const, opd: ['DLH'], q: 'banjir', sort: 'newest' as const },
      selectedId: 'abc',
    };
    const params = writeInboxUrl({ ...state, filters: { ...state.filters, urgency: [...state.filters.urgency] } });
    expect(params.toString()).toBe('urgency=critical%2Chigh&opd=DLH&q=banjir&sort=newest&m=abc');
    expect(readInboxUrl(params)).toEqual({ ...state, filters: { ...state.filters, urgency: ['critical', 'high'] } });
  });

  it('ignores unknown values and defaults to the urgency order', () => {
    const { filters, selectedId } = readInboxUrl(new URLSearchParams('urgency=critical,nope&sort=random&channel=x,fax'));
    expect(filters.urgency).toEqual(['critical']);
    expect(filters.channel).toEqual(['x']);
    expect(filters.sort).toBe('urgency');
    expect(selectedId).toBeNull();
  });
});
