import type { MentionInput, MentionTags } from '@sigap/contracts';
import type { SigapConfig } from '@sigap/server/core';
import type { MentionsRepository, OpenClusterMemberRow } from '@sigap/server/mentions';
import { MentionClusterService } from './mention-cluster.service';

const HOUR = 3600_000;
const NOW = Date.UTC(2025, 2, 12, 9, 0, 0);
const FLOOD = 'Banjir sedada di Jl. Soekarno-Hatta dekat Gedebage, warga terjebak tolong!!';

const tags = (kecamatan: string | null): MentionTags => ({
  urgency: 'critical',
  score: 90,
  opd: [],
  kecamatan,
  kelurahan: null,
  topic: 'banjir',
  reasons: [],
  ruleSetVersion: 'test',
});

const input = (text: string, postedAt: number): MentionInput => ({
  channel: 'x',
  externalId: `e${postedAt}`,
  text,
  author: { handle: 'warga' },
  postedAt: new Date(postedAt).toISOString(),
});

const member = (overrides: Partial<OpenClusterMemberRow>): OpenClusterMemberRow => ({
  cluster_id: 'c-flood',
  mention_count: 40,
  first_mention_id: 'c-flood',
  first_seen_at: new Date(NOW - 2 * HOUR),
  last_seen_at: new Date(NOW - HOUR),
  kecamatan_code: 'KEC-3273101',
  id: 'c-flood',
  text: FLOOD,
  seen_at: new Date(NOW - 2 * HOUR),
  tags: tags('KEC-3273101'),
  ...overrides,
});

function service(rows: OpenClusterMemberRow[]): { clusters: MentionClusterService; since: Date[] } {
  const since: Date[] = [];
  const repository = {
    findOpenClusterMembers: async (from: Date) => {
      since.push(from);
      return rows;
    },
  } as unknown as MentionsRepository;
  const config = { pipeline: { clusterWindowMs: 6 * HOUR } } as SigapConfig;
  return { clusters: new MentionClusterService(repository, config), since };
}

describe('MentionClusterService', () => {
  it('continues the clusters stored in the last window after a restart', async () => {
    const { clusters, since } = service([member({}), member({ id: 'm-2', text: `RT @x: ${FLOOD}`, seen_at: new Date(NOW - HOUR) })]);
    await clusters.warmUp(NOW);
    expect(since).toEqual([new Date(NOW - 6 * HOUR)]);
    const at = NOW + 60_000;
    expect(clusters.assign('m-3', input(`${FLOOD} #banjirbandung`, at), new Date(at).toISOString(), tags('KEC-3273101'))).toBe('c-flood');
    expect(clusters.assign('m-4', input('Lampu PJU mati di Jl. Riau sudah seminggu, gelap sekali', at), new Date(at).toISOString(), tags(null))).toBe('m-4');
  });

  it('reads the time a mention was said, but never later than it arrived', async () => {
    const { clusters } = service([]);
    await clusters.warmUp(NOW);
    const receivedAt = new Date(NOW).toISOString();
    expect(clusters.assign('a', input(FLOOD, NOW - 60_000), receivedAt, tags(null))).toBe('a');
    // Posted "next week" by a wrong clock: read as arrived now, so the cluster stays open.
    expect(clusters.assign('b', input(FLOOD, NOW + 7 * 24 * HOUR), receivedAt, tags(null))).toBe('a');
    expect(clusters.assign('c', input(FLOOD, NOW + 60_000), new Date(NOW + 60_000).toISOString(), tags(null))).toBe('a');
  });
});
