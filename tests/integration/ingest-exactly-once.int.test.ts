import { randomUUID } from 'node:crypto';
import type { IngestResponse } from '@sigap/contracts';
import { countMentions, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

describe('ingest: every accepted mention is stored exactly once', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('stores exactly 800 rows when 1,000 concurrent posts repeat 20% of them', async () => {
    const prefix = `conc-${randomUUID()}-`;
    const unique = Array.from({ length: 800 }, (_, i) =>
      mention(`${prefix}${i}`, `Jalan berlubang di Jl. Soekarno-Hatta nomor ${i}, tolong diperbaiki`),
    );
    // 200 repeats of mentions that are also being posted at the same moment, as retried webhooks do.
    const repeats = Array.from({ length: 200 }, (_, i) => unique[(i * 7) % unique.length]);
    const posts = [...unique, ...repeats].sort(() => Math.random() - 0.5);

    const answers = await Promise.all(
      posts.map(async (body) => {
        const response = await postMentions(stack, body);
        expect(response.status).toBe(202);
        return (await response.json()) as IngestResponse;
      }),
    );

    const accepted = answers.reduce((n, a) => n + a.accepted, 0);
    const duplicates = answers.reduce((n, a) => n + a.duplicates, 0);
    expect(accepted).toBe(800);
    expect(duplicates).toBe(200);
    expect(answers.every((a) => a.rejected === 0)).toBe(true);

    await waitFor('800 rows', async () => ((await countMentions(stack, prefix)) >= 800 ? true : undefined));
    // Let any straggling job finish, then check nothing was written twice.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await countMentions(stack, prefix)).toBe(800);
    const { rows } = await stack.db.query(
      `SELECT count(DISTINCT (channel, external_id))::int AS distinct_ids, count(DISTINCT seq)::int AS seqs
         FROM mentions WHERE external_id LIKE $1`,
      [`${prefix}%`],
    );
    expect(rows[0]).toEqual({ distinct_ids: 800, seqs: 800 });
  });

  it('answers a batch item by item: bad items rejected with field and reason, good ones stored', async () => {
    const prefix = `batch-${randomUUID()}-`;
    const good = mention(`${prefix}1`, 'Sampah menumpuk di TPS Cicadas sudah 3 hari #bandung', {
      raw: { id_str: `${prefix}1`, nested: { keep: ['verbatim', 1, true, null] } },
    });
    const response = await postMentions(stack, {
      items: [
        good,
        { ...mention(`${prefix}2`, 'x'), channel: 'myspace' },
        { ...mention(`${prefix}3`, ''), author: { handle: 'a' } },
        { ...mention(`${prefix}4`, 'tanggal salah'), postedAt: 'kemarin sore' },
        good,
        mention(`${prefix}5`, 'x'.repeat(10_001)),
        { ...mention(`${prefix}6`, 'unknown field'), colour: 'red' },
      ],
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as IngestResponse;
    expect(body).toMatchObject({ accepted: 1, duplicates: 1, rejected: 5 });
    expect(body.items[0].id).toEqual(expect.any(String));
    expect(body.items[4]).toMatchObject({ index: 4, id: body.items[0].id, duplicate: true });
    const fieldsOf = (i: number) => body.items[i].error?.map((e) => e.field);
    expect(fieldsOf(1)).toEqual(['channel']);
    expect(fieldsOf(2)).toEqual(['text']);
    expect(fieldsOf(3)).toEqual(['postedAt']);
    expect(fieldsOf(5)).toEqual(['text']);
    expect(body.items[5].error?.[0].message).toMatch(/10000/);
    expect(body.items[6].error?.[0].message).toMatch(/colour/);

    await waitFor('the good item', async () => ((await countMentions(stack, prefix)) === 1 ? true : undefined));
    const { rows } = await stack.db.query(`SELECT raw FROM mentions WHERE external_id = $1`, [`${prefix}1`]);
    expect(rows[0].raw).toEqual(good.raw);
  });

  it('refuses a wrong key, a body that is not JSON, an oversized body and an oversized batch', async () => {
    expect((await postMentions(stack, mention('k-1', 'halo'), 'wrong-key')).status).toBe(401);
    const notJson = await postMentions(stack, '{"channel": "x",');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'INVALID_JSON' });
    const huge = await postMentions(stack, { items: [mention('big-1', 'a'.repeat(1000), { raw: 'b'.repeat(17 * 1024 * 1024) })] });
    expect(huge.status).toBe(413);
    const tooMany = await postMentions(stack, { items: Array.from({ length: 1001 }, (_, i) => mention(`many-${i}`, 'banyak')) });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ details: [{ field: 'items' }] });
  });
});
