import { randomUUID } from 'node:crypto';
import type { IngestResponse, MentionPage } from '@sigap/contracts';
import { countMentions, ingestQueue, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const FLOOD = 'Banjir sedada di Jl. Soekarno-Hatta dekat Gedebage, warga terjebak di lantai dua, tolong!!';
// What a storm looks like: retweets, copy-paste with a tag or an emoji, small edits.
const STORM = [
  FLOOD,
  `RT @infobdg: ${FLOOD}`,
  `RT @warga_gdbg: ${FLOOD}`,
  FLOOD.toUpperCase(),
  `${FLOOD} #banjirbandung`,
  `${FLOOD} 😭🙏`,
  `${FLOOD} https://t.co/x1y2z3`,
  `${FLOOD} cc @humasbdg @pemkotbandung`,
  'banjir sedada di jl soekarno hatta dekat gedebage, warga terjebak di lantai dua, tolong segera!!',
  'Banjiiir sedada di Jl Soekarno Hatta dekat Gedebage warga terjebak di lantai dua tolong',
  `RT @kang_asep: ${FLOOD.toLowerCase()}`,
  `${FLOOD} mohon bantuan`,
];
const UNRELATED = 'Pohon tumbang menimpa mobil di Jl. Pasteur depan BTC, jalan tertutup total';

describe('pipeline: near-duplicates share one cluster, counted in PostgreSQL', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const clusterRows = async (prefix: string) =>
    (
      await stack.db.query<{ id: string; external_id: string; cluster_id: string }>(
        `SELECT id, external_id, cluster_id FROM mentions WHERE external_id LIKE $1 ORDER BY external_id`,
        [`${prefix}%`],
      )
    ).rows;

  const clusterOf = async (id: string) =>
    (
      await stack.db.query<{ mention_count: number; first_mention_id: string; kecamatan_code: string | null; stored: number }>(
        `SELECT c.mention_count, c.first_mention_id, c.kecamatan_code,
                (SELECT count(*)::int FROM mentions m WHERE m.cluster_id = c.id) AS stored
           FROM clusters c WHERE c.id = $1`,
        [id],
      )
    ).rows[0];

  it('gives a retweet storm one cluster whose count is what was stored, and an unrelated report its own', async () => {
    const prefix = `storm-${randomUUID()}-`;
    const start = Date.now() - 60_000;
    const items = [
      ...STORM.map((text, i) => mention(`${prefix}s${String(i).padStart(2, '0')}`, text, { postedAt: new Date(start + i * 1000).toISOString() })),
      mention(`${prefix}u`, UNRELATED, { postedAt: new Date(start + 500).toISOString() }),
    ];
    const response = await postMentions(stack, { items });
    expect(response.status).toBe(202);
    const body = (await response.json()) as IngestResponse;
    expect(body.accepted).toBe(items.length);
    const idOf = new Map(items.map((item, i) => [item.externalId, body.items[i].id as string]));

    await waitFor('every mention stored', async () => ((await countMentions(stack, prefix)) === items.length ? true : undefined));
    const rows = await clusterRows(prefix);
    const storm = rows.filter((row) => row.external_id !== `${prefix}u`);
    const unrelated = rows.find((row) => row.external_id === `${prefix}u`);

    const stormClusters = new Set(storm.map((row) => row.cluster_id));
    expect(stormClusters.size).toBe(1);
    const [stormCluster] = stormClusters;
    // The cluster is named after the mention that opened it, one of the storm.
    expect(storm.map((row) => row.id)).toContain(stormCluster);
    expect(unrelated?.cluster_id).toBe(unrelated?.id);

    expect(await clusterOf(stormCluster)).toEqual({
      mention_count: STORM.length,
      stored: STORM.length,
      // The earliest said, whichever the worker saw first.
      first_mention_id: idOf.get(`${prefix}s00`),
      kecamatan_code: 'KEC-3273101',
    });
    expect(await clusterOf(unrelated?.cluster_id as string)).toMatchObject({ mention_count: 1, stored: 1 });

    // The API reports the cluster and its size with each mention.
    const { accessToken } = await login(stack, stack.admin.email, stack.admin.password);
    const page = (await (
      await fetch(`${stack.baseUrl}/api/v1/mentions?q=${encodeURIComponent('Soekarno')}&limit=200`, { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as MentionPage;
    const listed = page.items.filter((item) => item.externalId.startsWith(prefix));
    expect(listed).toHaveLength(STORM.length);
    for (const item of listed) expect(item).toMatchObject({ clusterId: stormCluster, clusterSize: STORM.length });
    const single = (await (
      await fetch(`${stack.baseUrl}/api/v1/mentions/${unrelated?.id}`, { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as { clusterId: string; clusterSize: number };
    expect(single).toMatchObject({ clusterId: unrelated?.id, clusterSize: 1 });
  });

  it('does not count a replayed job twice, and a restarted worker goes on filling the open cluster', async () => {
    const prefix = `replay-${randomUUID()}-`;
    const text = 'Kebakaran rumah di Gang Sukamaju Cicadas, api makin besar, damkar belum datang, tolong!!';
    const first = mention(`${prefix}1`, text);
    const response = await postMentions(stack, first);
    const [{ id }] = ((await response.json()) as IngestResponse).items as { id: string }[];
    await waitFor('the first mention', async () => ((await countMentions(stack, prefix)) === 1 ? true : undefined));

    // The same job again, as a stalled job recovered after a crash would be: the row exists already.
    const queue = ingestQueue(stack.env.REDIS_URL as string, stack.prefix);
    try {
      const replay = await queue.add('mentions', { items: [{ id, mention: first }], receivedAt: new Date().toISOString() }, { jobId: `${id}-replay` });
      await waitFor('the replayed job', async () => ((await replay.isCompleted()) ? true : undefined));
    } finally {
      await queue.close();
    }
    expect(await clusterOf(id)).toMatchObject({ mention_count: 1, stored: 1 });

    const [worker] = stack.workers;
    await stack.stopProcess(worker);
    await stack.startWorker();
    await postMentions(stack, mention(`${prefix}2`, `RT @warga: ${text}`));
    await waitFor('the retweet', async () => ((await countMentions(stack, prefix)) === 2 ? true : undefined));
    const rows = await clusterRows(prefix);
    expect(rows.map((row) => row.cluster_id)).toEqual([id, id]);
    expect(await clusterOf(id)).toMatchObject({ mention_count: 2, stored: 2 });
  });
});
