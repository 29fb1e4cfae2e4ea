import { describe, expect, it } from 'vitest';
import { makeMention } from '../testing/mention.fixture';
import {
  activeMyWorkPreset,
  compareMentions,
  hasActiveFilters,
  inboxHref,
  myWorkFilters,
  unclaimedFilters,
  emptyMentionFilters,
  matchesMentionFilters,
  normalizeMentionFilters,
  toMentionSearchParams,
  type MentionFilters,
} from './mention-filters';

const filters = (overrides: Partial<MentionFilters>): MentionFilters => ({ ...emptyMentionFilters(), ...overrides });

describe('matchesMentionFilters', () => {
  it('matches everything when no filter is set', () => {
    expect(matchesMentionFilters(makeMention(), emptyMentionFilters())).toBe(true);
  });

  it('matches any of several urgencies, channels and statuses', () => {
    const mention = makeMention({ urgency: 'high', channel: 'instagram', status: 'ditangani' });
    expect(matchesMentionFilters(mention, filters({ urgency: ['critical', 'high'] }))).toBe(true);
    expect(matchesMentionFilters(mention, filters({ urgency: ['critical'] }))).toBe(false);
    expect(matchesMentionFilters(mention, filters({ channel: ['x', 'instagram'] }))).toBe(true);
    expect(matchesMentionFilters(mention, filters({ channel: ['x'] }))).toBe(false);
    expect(matchesMentionFilters(mention, filters({ status: ['baru', 'ditangani'] }))).toBe(true);
    expect(matchesMentionFilters(mention, filters({ status: ['selesai'] }))).toBe(false);
  });

  it('matches an OPD when any of the mention OPD codes is selected', () => {
    const mention = makeMention({ opdCodes: ['DSDABM', 'DISHUB'] });
    expect(matchesMentionFilters(mention, filters({ opd: ['DISHUB'] }))).toBe(true);
    expect(matchesMentionFilters(mention, filters({ opd: ['DLH'] }))).toBe(false);
    expect(matchesMentionFilters(makeMention({ opdCodes: [] }), filters({ opd: ['DLH'] }))).toBe(false);
  });

  it('matches kecamatan codes with or without the KEC- prefix, never a mention without one', () => {
    expect(matchesMentionFilters(makeMention({ kecamatanCode: 'KEC-3273010' }), filters({ kecamatan: ['3273010'] }))).toBe(true);
    expect(matchesMentionFilters(makeMention({ kecamatanCode: 'KEC-3273010' }), filters({ kecamatan: ['KEC-3273010'] }))).toBe(true);
    expect(matchesMentionFilters(makeMention({ kecamatanCode: '3273010' }), filters({ kecamatan: ['3273010'] }))).toBe(true);
    expect(matchesMentionFilters(makeMention({ kecamatanCode: '3273020' }), filters({ kecamatan: ['3273010'] }))).toBe(false);
    expect(matchesMentionFilters(makeMention({ kecamatanCode: null }), filters({ kecamatan: ['3273010'] }))).toBe(false);
  });

  it('matches free text like the API: the whole query, case-insensitively, in the text or the handle', () => {
    const mention = makeMention({
      text: 'Banjir di Jalan Pagarsih setinggi lutut',
      author: { handle: 'AkunWarga', name: 'Siti Aminah', followers: 10, verified: false },
    });
    expect(matchesMentionFilters(mention, filters({ q: 'banjir' }))).toBe(true);
    expect(matchesMentionFilters(mention, filters({ q: 'JALAN pagarsih' }))).toBe(true);
    expect(matchesMentionFilters(mention, filters({ q: 'pagarsih banjir' }))).toBe(false);
    expect(matchesMentionFilters(mention, filters({ q: 'akunwarga' }))).toBe(true);
    expect(matchesMentionFilters(mention, filters({ q: 'aminah' }))).toBe(false);
  });

  it('matches a ticket number like the API: the ticket’s mention and its follow-ups, whatever their text', () => {
    const ticket = makeMention({ text: 'Banjir di Pagarsih', ticketNumber: 'BDG-2026-000007' });
    const followUp = makeMention({ text: 'masih banjir', followUpOf: { mentionId: ticket.id, ticketNumber: 'BDG-2026-000007' } });
    const other = makeMention({ text: 'masih banjir', ticketNumber: 'BDG-2026-000008' });
    for (const q of ['BDG-2026-000007', 'bdg-2026-000007']) {
      expect(matchesMentionFilters(ticket, filters({ q }))).toBe(true);
      expect(matchesMentionFilters(followUp, filters({ q }))).toBe(true);
      expect(matchesMentionFilters(other, filters({ q }))).toBe(false);
    }
  });

  it('requires every active filter to match', () => {
    const mention = makeMention({ urgency: 'critical', channel: 'x', opdCodes: ['DISKARPB'], text: 'kebakaran' });
    expect(
      matchesMentionFilters(mention, filters({ urgency: ['critical'], channel: ['x'], opd: ['DISKARPB'], q: 'kebakaran' })),
    ).toBe(true);
    expect(matchesMentionFilters(mention, filters({ urgency: ['critical'], channel: ['facebook'] }))).toBe(false);
  });
});

describe('normalizeMentionFilters', () => {
  it('sorts and de-duplicates lists, trims text, defaults the sort to urgency and drops unknown values', () => {
    expect(
      normalizeMentionFilters({
        urgency: ['high', 'critical', 'high', 'bogus' as never],
        opd: ['DLH', 'DINKES'],
        q: '  banjir   besar ',
      }),
    ).toEqual({
      urgency: ['critical', 'high'],
      opd: ['DINKES', 'DLH'],
      channel: [],
      kecamatan: [],
      status: [],
      q: 'banjir besar',
      holder: '',
      assignee: '',
      label: '',
      escalated: false,
      forwardedFrom: '',
      sort: 'urgency',
    });
  });
});

describe('toMentionSearchParams', () => {
  it('joins multi-value filters with commas and leaves empty ones out', () => {
    const params = toMentionSearchParams(filters({ urgency: ['critical', 'high'], q: 'banjir' }), {
      cursor: 'abc',
      limit: 100,
    });
    expect(params.get('urgency')).toBe('critical,high');
    expect(params.get('q')).toBe('banjir');
    expect(params.get('sort')).toBe('urgency');
    expect(params.get('cursor')).toBe('abc');
    expect(params.get('limit')).toBe('100');
    expect(params.has('opd')).toBe(false);
  });
});

describe('compareMentions', () => {
  const older = makeMention({ urgency: 'critical', postedAt: '2025-03-12T06:00:00.000Z' });
  const newer = makeMention({ urgency: 'low', postedAt: '2025-03-12T08:00:00.000Z' });

  it('puts the more urgent first, then the newer', () => {
    expect(compareMentions('urgency', older, newer)).toBeLessThan(0);
    const newerCritical = makeMention({ urgency: 'critical', postedAt: '2025-03-12T07:00:00.000Z' });
    expect(compareMentions('urgency', newerCritical, older)).toBeLessThan(0);
  });

  it('orders by posting time for newest and oldest', () => {
    expect(compareMentions('newest', newer, older)).toBeLessThan(0);
    expect(compareMentions('oldest', older, newer)).toBeLessThan(0);
  });
});

describe('desk filters', () => {
  const me = 'a1b2c3d4-0000-4000-8000-000000000001';
  const other = 'a1b2c3d4-0000-4000-8000-000000000002';

  it('keeps only holder/assignee values the API accepts and writes them to the query', () => {
    const normalized = normalizeMentionFilters({ holder: ' ME ', assignee: 'bob', label: ' banjir ', escalated: true });
    expect(normalized).toMatchObject({ holder: 'me', assignee: '', label: 'banjir', escalated: true });
    const params = toMentionSearchParams(normalized);
    expect(params.get('holder')).toBe('me');
    expect(params.has('assignee')).toBe(false);
    expect(params.get('label')).toBe('banjir');
    expect(params.get('escalated')).toBe('1');
    expect(hasActiveFilters(normalizeMentionFilters({ holder: 'none' }))).toBe(true);
  });

  it('matches me, none and a user id against the holder and assignee of a live mention', () => {
    const held = makeMention({ claimedBy: { id: me, name: 'Saya' }, assignedTo: null });
    expect(matchesMentionFilters(held, filters({ holder: 'me' }), me)).toBe(true);
    expect(matchesMentionFilters(held, filters({ holder: 'me' }), other)).toBe(false);
    expect(matchesMentionFilters(held, filters({ holder: 'me' }))).toBe(false);
    expect(matchesMentionFilters(held, filters({ holder: 'none' }), me)).toBe(false);
    expect(matchesMentionFilters(held, filters({ holder: me }))).toBe(true);
    expect(matchesMentionFilters(held, filters({ assignee: 'none' }))).toBe(true);
    expect(matchesMentionFilters(held, filters({ assignee: 'me' }), me)).toBe(false);
  });

  it('matches a label and escalation', () => {
    const escalated = makeMention({ labels: ['banjir'], escalationLevel: 2 });
    expect(matchesMentionFilters(escalated, filters({ label: 'banjir', escalated: true }))).toBe(true);
    expect(matchesMentionFilters(makeMention({ labels: [], escalationLevel: 0 }), filters({ escalated: true }))).toBe(false);
    expect(matchesMentionFilters(makeMention({ labels: ['macet'] }), filters({ label: 'banjir' }))).toBe(false);
  });

  it('keeps a listed mention in a forwarded-from list, and lets no live newcomer in (its history is not on it)', () => {
    const bounced = filters({ forwardedFrom: 'DLH' });
    expect(matchesMentionFilters(makeMention({ status: 'ditangani' }), bounced, null, true)).toBe(true);
    expect(matchesMentionFilters(makeMention(), bounced)).toBe(false);
    expect(matchesMentionFilters(makeMention({ urgency: 'low' }), { ...bounced, urgency: ['critical'] }, null, true)).toBe(false);
    expect(normalizeMentionFilters({ forwardedFrom: ' dishub ' }).forwardedFrom).toBe('DISHUB');
    expect(normalizeMentionFilters({ forwardedFrom: 'bukan kode!' }).forwardedFrom).toBe('');
    expect(toMentionSearchParams(normalizeMentionFilters({ forwardedFrom: 'DLH' })).get('forwardedFrom')).toBe('DLH');
  });

  it('links board tiles and my-work tabs to the inbox', () => {
    // The same statuses the board counts as waiting, forwarded ones included.
    expect(inboxHref(unclaimedFilters('critical'))).toBe('/?urgency=critical&status=baru%2Cbukan_wewenang%2Ceskalasi&holder=none');
    expect(inboxHref({ forwardedFrom: 'dlh', sort: 'newest' })).toBe('/?forwardedFrom=DLH&sort=newest');
    expect(inboxHref({}, 'abc')).toBe('/?m=abc');
    const holding = normalizeMentionFilters(myWorkFilters('holding'));
    expect(holding.status).not.toContain('selesai');
    expect(activeMyWorkPreset(holding)).toBe('holding');
    expect(activeMyWorkPreset({ ...normalizeMentionFilters(myWorkFilters('awaiting')), sort: 'newest' })).toBe('awaiting');
    expect(activeMyWorkPreset(normalizeMentionFilters({ holder: 'me' }))).toBeNull();
  });
});
