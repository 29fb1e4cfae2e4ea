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

describe('inbox address: desk filters', () => {
  it('round-trips holder, assignee, label and escalated', () => {
    const params = new URLSearchParams('holder=me&assignee=none&label=banjir&escalated=1&status=baru');
    const { filters } = readInboxUrl(params);
    expect(filters).toMatchObject({ holder: 'me', assignee: 'none', label: 'banjir', escalated: true, status: ['baru'] });
    expect(writeInboxUrl({ filters, selectedId: null }).toString()).toBe('status=baru&holder=me&assignee=none&label=banjir&escalated=1');
  });

  it('drops a holder that is neither me, none nor a user id', () => {
    expect(readInboxUrl(new URLSearchParams('holder=<script>&escalated=yes')).filters).toMatchObject({ holder: '', escalated: false });
  });
});
