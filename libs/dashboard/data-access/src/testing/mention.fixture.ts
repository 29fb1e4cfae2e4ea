import type { Mention, MentionPage } from '@sigap/contracts';
import type { MentionListData } from '../lib/mention-cache';

let counter = 0;

/** A complete mention with plausible values; override what the test is about. */
export const makeMention = (overrides: Partial<Mention> = {}): Mention => {
  counter += 1;
  const urgency = overrides.urgency ?? 'normal';
  return {
    id: `m-${String(counter).padStart(5, '0')}`,
    seq: counter,
    channel: 'x',
    externalId: `ext-${counter}`,
    text: `Laporan warga nomor ${counter}`,
    author: { handle: `warga${counter}`, name: null, followers: null, verified: false },
    postedAt: '2025-03-12T07:00:00.000Z',
    receivedAt: '2025-03-12T07:00:01.000Z',
    url: null,
    inReplyTo: null,
    media: [],
    location: null,
    status: 'baru',
    urgency,
    score: 10,
    opdCodes: [],
    kecamatanCode: null,
    tags: {
      urgency,
      score: 10,
      opd: [],
      kecamatan: null,
      kelurahan: null,
      topic: null,
      reasons: [],
      ruleSetVersion: 'test',
    },
    clusterId: null,
    clusterSize: 1,
    claimedBy: null,
    claimedAt: null,
    assignedTo: null,
    ticketNumber: 'BDG-2026-000001',
    labels: [],
    escalationLevel: 0,
    followUpOf: null,
    followUpCount: 0,
    ...overrides,
  };
};

export const listData = (...pages: MentionPage[]): MentionListData => ({
  pages,
  pageParams: pages.map((_, index) => (index === 0 ? null : `cursor-${index}`)),
});

export const ids = (data: MentionListData | undefined): string[] =>
  data ? data.pages.flatMap((page) => page.items.map((item) => item.id)) : [];
