import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { ApiErrorBody, MentionBulkResult, MentionPage, OutboxDelivery, ReplyTemplateView } from '@sigap/contracts';
import { apiCall, createUser, freePort, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SAMPAH = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';
const DAY = 24 * 3600_000;

interface Person {
  id: string;
  token: string;
}

/**
 * What the desk still lacked: a bulk reply with a template (each mention answered exactly as one
 * reply would be), the newer reading filters in bulk actions, approval requests reaching
 * superadmins too, and the worker forgetting sessions that ended more than 30 days ago.
 */
describe('desk gaps: bulk replies, bulk filters, approval notices, old sessions', () => {
  let stack: Stack;
  let webhook: Server;
  const delivered: OutboxDelivery[] = [];
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  const people: Record<string, Person> = {};
  let serial = 0;

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T>(stack, method, path, token, body);

  const addPerson = async (key: string, role: 'admin' | 'supervisor' | 'superadmin', opds: string[] = []) => {
    const email = `${key}-${run}@sigap.test`;
    await createUser(stack, { email, password, role, opds, name: `Orang ${key}` });
    const session = await login(stack, email, password);
    people[key] = { id: session.user.id, token: session.accessToken };
  };

  /** Mentions routed to DLH only, by Siti Aminah, in Gedebage. */
  const newMentions = async (count: number): Promise<string[]> => {
    const externalIds = Array.from({ length: count }, () => `gaps-${run}-${++serial}`);
    const response = await postMentions(stack, {
      items: externalIds.map((externalId) => mention(externalId, `${SAMPAH} ${externalId}`, { author: { handle: `warga_${externalId.slice(-5)}`, name: 'Siti Aminah' } })),
    });
    expect(response.status).toBe(202);
    const ids = await waitFor(`${count} stored mentions`, async () => {
      const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM mentions WHERE external_id = ANY($1) ORDER BY external_id', [externalIds]);
      return rows.length === count ? rows.map((row) => row.id) : undefined;
    });
    await stack.db.query(`UPDATE mentions SET opd_codes = '{DLH}', kecamatan_code = 'KEC-3273101' WHERE id = ANY($1)`, [ids]);
    return ids;
  };

  const notified = async (mentionId: string, kind: string): Promise<string[]> =>
    (await stack.db.query<{ user_id: string }>('SELECT user_id FROM notifications WHERE mention_id = $1 AND kind = $2 ORDER BY user_id', [mentionId, kind])).rows.map((row) => row.user_id);

  beforeAll(async () => {
    const port = await freePort();
    webhook = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        delivered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OutboxDelivery);
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ externalUrl: `https://x.com/pemkot/status/${delivered.length}` }));
      });
    });
    await new Promise<void>((resolve) => webhook.listen(port, '127.0.0.1', resolve));
    const env = { SIGAP_OUTBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/outbox`, SIGAP_OUTBOX_BACKOFF_MS: '50' };
    stack = await startStack({ apiEnv: env, workerEnv: { ...env, SIGAP_SESSION_CLEANUP_EVERY_SECONDS: '1' } });
    await addPerson('spv', 'supervisor');
    await addPerson('root', 'superadmin');
    await addPerson('dlh', 'admin', ['DLH']);
    await addPerson('dlh2', 'admin', ['DLH']);
    await addPerson('dishub', 'admin', ['DISHUB']);
    await addPerson('retiredSpv', 'supervisor');
    await stack.db.query('UPDATE users SET disabled = true WHERE id = $1', [people.retiredSpv.id]);
    const bootstrap = await login(stack, stack.admin.email, stack.admin.password);
    people.bootstrapAdmin = { id: bootstrap.user.id, token: bootstrap.accessToken };
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await new Promise<void>((resolve) => (webhook ? webhook.close(() => resolve()) : resolve()));
  });

  it('replies to 500 mentions with a template, each exactly like one reply, reporting what failed', async () => {
    const created = await call<ReplyTemplateView>('POST', '/templates', people.spv.token, {
      title: `Sampah massal ${run}`,
      body: 'Halo {nama}, sampah di {kecamatan} segera diangkut oleh {opd}. Tiket {nomor_tiket}.',
      category: 'sampah',
      scope: 'opd',
      opdCode: 'DLH',
    });
    expect(created.status).toBe(201);
    const template = created.body;
    const ids = await newMentions(500);
    const [noKecamatan, critical, heldByOther, trainee] = ids;
    await stack.db.query('UPDATE mentions SET kecamatan_code = NULL WHERE id = $1', [noKecamatan]);
    await stack.db.query(`UPDATE mentions SET urgency = 'critical', urgency_rank = 0 WHERE id = $1`, [critical]);
    expect((await call('POST', `/mentions/${heldByOther}/claim`, people.dlh2.token)).status).toBe(200);
    const missing = randomUUID();

    const started = Date.now();
    const bulk = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlh.token, {
      ids: [...ids, missing],
      action: { kind: 'reply', templateId: template.id },
    });
    const elapsedMs = Date.now() - started;
    console.log(`bulk reply with a template on 500 mentions: ${elapsedMs} ms`);
    expect(bulk.status).toBe(200);
    expect(bulk.body.total).toBe(501);
    expect(bulk.body.succeeded).toBe(498);
    const failures = Object.fromEntries(bulk.body.failed.map((f) => [f.id, f.code]));
    expect(failures).toEqual({ [noKecamatan]: 'VALIDATION_FAILED', [heldByOther]: 'CONFLICT', [missing]: 'NOT_FOUND' });
    expect(bulk.body.failed.find((f) => f.id === noKecamatan)?.message).toContain('{kecamatan}');

    // Each reply: claimed by its author, rendered per citizen, audited, counted on the template.
    const { rows: replies } = await stack.db.query<{ mention_id: string; status: string; text: string; author_id: string }>(
      'SELECT mention_id, status, text, author_id FROM replies WHERE mention_id = ANY($1)',
      [ids],
    );
    expect(replies).toHaveLength(498);
    expect(replies.every((reply) => reply.author_id === people.dlh.id && !reply.text.includes('{'))).toBe(true);
    const { rows: ticket } = await stack.db.query<{ seq: string; received_at: Date }>('SELECT seq, received_at FROM mentions WHERE id = $1', [trainee]);
    const expectedTicket = `BDG-${ticket[0].received_at.getUTCFullYear()}-${String(ticket[0].seq).padStart(6, '0')}`;
    expect(replies.find((reply) => reply.mention_id === trainee)?.text).toBe(`Halo Siti Aminah, sampah di Gedebage segera diangkut oleh Dinas Lingkungan Hidup. Tiket ${expectedTicket}.`);
    expect(replies.find((reply) => reply.mention_id === critical)?.status).toBe('menunggu_persetujuan');
    const { rows: held } = await stack.db.query<{ claimed_by: string; n: number }>(
      'SELECT claimed_by, count(*)::int AS n FROM mentions WHERE id = ANY($1) GROUP BY claimed_by ORDER BY n DESC',
      [ids],
    );
    // The one with a missing variable is left as it was: its claim was undone with its reply.
    expect(held).toHaveLength(3);
    expect(held).toEqual(expect.arrayContaining([{ claimed_by: people.dlh.id, n: 498 }, { claimed_by: people.dlh2.id, n: 1 }, { claimed_by: null, n: 1 }]));
    const { rows: audits } = await stack.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_id = ANY($1::uuid[]::text[]) AND action IN ('reply.create', 'mention.claim') AND actor_id = $2 GROUP BY action ORDER BY action`,
      [ids, people.dlh.id],
    );
    expect(audits).toEqual([
      { action: 'mention.claim', n: 498 },
      { action: 'reply.create', n: 498 },
    ]);
    const { rows: usage } = await stack.db.query<{ usage_count: number }>('SELECT usage_count FROM reply_templates WHERE id = $1', [template.id]);
    expect(usage[0].usage_count).toBe(498);

    // The critical one waits for approval: supervisors and superadmins (active ones) are told.
    expect(await notified(critical, 'approval_requested')).toEqual([people.spv.id, people.root.id, people.bootstrapAdmin.id].sort());

    // The others go through the outbox to the publisher, and their mentions become `dibalas`.
    await waitFor('497 deliveries', async () => (new Set(delivered.map((d) => d.mentionId).filter((id) => ids.includes(id))).size === 497 ? true : undefined), 120_000);
    await waitFor('497 answered mentions', async () => {
      const { rows } = await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM mentions WHERE id = ANY($1) AND status = 'dibalas'`, [ids]);
      return rows[0].n === 497 ? true : undefined;
    }, 60_000);
  }, 300_000);

  it('checks a bulk reply up front and keeps it within the OPDs of the admin', async () => {
    const ids = await newMentions(2);
    const noTemplate = await call<ApiErrorBody>('POST', '/mentions/bulk', people.dlh.token, { ids, action: { kind: 'reply' } });
    expect(noTemplate.status).toBe(400);
    const unknown = await call<ApiErrorBody>('POST', '/mentions/bulk', people.dlh.token, { ids, action: { kind: 'reply', templateId: randomUUID() } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'action.templateId', message: 'no such template' }]);

    const general = await call<ReplyTemplateView>('POST', '/templates', people.spv.token, { title: `Umum ${run}`, body: 'Terima kasih {nama}, laporan sudah kami terima.', category: 'umum', scope: 'all' });
    const outsider = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dishub.token, { ids, action: { kind: 'reply', templateId: general.body.id } });
    expect(outsider.body).toMatchObject({ total: 2, succeeded: 0 });
    expect(outsider.body.failed.map((f) => f.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);

    const overridden = await call<MentionBulkResult>('POST', '/mentions/bulk', people.spv.token, { ids, action: { kind: 'reply', templateId: general.body.id, variables: { nama: 'Bapak/Ibu' } } });
    expect(overridden.body).toEqual({ total: 2, succeeded: 2, failed: [] });
    const { rows } = await stack.db.query<{ text: string }>('SELECT text FROM replies WHERE mention_id = ANY($1)', [ids]);
    expect(rows.map((row) => row.text)).toEqual(['Terima kasih Bapak/Ibu, laporan sudah kami terima.', 'Terima kasih Bapak/Ibu, laporan sudah kami terima.']);
  }, 120_000);

  it('tells supervisors and superadmins, not disabled ones, about a reply waiting for approval', async () => {
    const [id] = await newMentions(1);
    await stack.db.query(`UPDATE mentions SET urgency = 'critical', urgency_rank = 0 WHERE id = $1`, [id]);
    const reply = await call('POST', `/mentions/${id}/replies`, people.dlh.token, { text: 'Tim kebersihan segera datang.' });
    expect(reply.status).toBe(201);
    const recipients = await notified(id, 'approval_requested');
    expect(recipients).toEqual(expect.arrayContaining([people.spv.id, people.root.id]));
    expect(recipients).not.toContain(people.retiredSpv.id);
    expect(recipients).not.toContain(people.dlh.id);
  });

  it('selects bulk targets by holder, assignee, label and escalation, validated like GET /mentions', async () => {
    const label = `gap-${run}`;
    const ids = await newMentions(4);
    expect((await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlh.token, { ids, action: { kind: 'tag', add: [label] } })).body.succeeded).toBe(4);
    expect((await call('POST', `/mentions/${ids[0]}/claim`, people.dlh.token)).status).toBe(200);
    expect((await call('POST', `/mentions/${ids[1]}/assign`, people.spv.token, { userId: people.dlh2.id })).status).toBe(200);
    await stack.db.query('UPDATE mentions SET escalation_level = 1 WHERE id = $1', [ids[2]]);

    const matched = async (filter: Record<string, unknown>) => {
      const response = await call<MentionBulkResult>('POST', '/mentions/bulk', people.spv.token, { filter: { label, ...filter }, action: { kind: 'tag', add: ['cek'] } });
      expect(response.status).toBe(200);
      return response.body.total;
    };
    expect(await matched({})).toBe(4);
    expect(await matched({ holder: people.dlh.id })).toBe(1);
    expect(await matched({ holder: 'none' })).toBe(3);
    expect(await matched({ assignee: people.dlh2.id })).toBe(1);
    expect(await matched({ escalated: '1' })).toBe(1);
    expect(await matched({ escalated: '0', holder: 'none', assignee: 'none' })).toBe(1);
    const mine = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlh.token, { filter: { label, holder: 'me' }, action: { kind: 'tag', add: ['milikku'] } });
    expect(mine.body).toEqual({ total: 1, succeeded: 1, failed: [] });

    // The same validators as the reading list, with the same messages.
    for (const [field, value] of [
      ['holder', 'siapa'],
      ['assignee', 'x'],
    ] as const) {
      const message = 'must be me, none or a user id';
      const bad = await call<ApiErrorBody>('POST', '/mentions/bulk', people.spv.token, { filter: { [field]: value }, action: { kind: 'claim' } });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: `filter.${field}`, message }]);
      const listed = await call<ApiErrorBody>('GET', `/mentions?${field}=${value}`, people.spv.token);
      expect(listed.status).toBe(400);
      expect(listed.body.details).toEqual([{ field, message }]);
    }
    expect((await call('POST', '/mentions/bulk', people.spv.token, { filter: { escalated: '2' }, action: { kind: 'claim' } })).status).toBe(400);
    expect((await call('POST', '/mentions/bulk', people.spv.token, { filter: { label: 'x'.repeat(65) }, action: { kind: 'claim' } })).status).toBe(400);
    expect((await call('POST', '/mentions/bulk', people.spv.token, { filter: { urgency: ['genting'] }, action: { kind: 'claim' } })).status).toBe(400);
    const listed = await call<MentionPage>('GET', `/mentions?label=${label}&holder=none&urgency=critical,high,normal,low`, people.spv.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(3);
  });

  it('deletes sessions that ended more than 30 days ago, in batches, and keeps the rest', async () => {
    const userId = people.dlh.id;
    const insert = (count: number, created: number, expires: number, revoked: number | null) =>
      stack.db.query<{ id: string }>(
        `INSERT INTO sessions (user_id, created_at, expires_at, last_seen_at, revoked_at)
         SELECT $1, $2::timestamptz, $3::timestamptz, $2::timestamptz, $4::timestamptz FROM generate_series(1, $5) RETURNING id`,
        [userId, new Date(Date.now() - created), new Date(Date.now() - expires), revoked === null ? null : new Date(Date.now() - revoked), count],
      );
    const expiredLongAgo = await insert(1200, 50 * DAY, 40 * DAY, null);
    const revokedLongAgo = await insert(3, 40 * DAY, -DAY * 365, 31 * DAY);
    const expiredRecently = await insert(2, 20 * DAY, 10 * DAY, null);
    const revokedRecently = await insert(2, 20 * DAY, -DAY, 5 * DAY);
    const open = await insert(1, DAY, -DAY, null);
    const doomed = [...expiredLongAgo.rows, ...revokedLongAgo.rows].map((row) => row.id);
    const kept = [...expiredRecently.rows, ...revokedRecently.rows, ...open.rows].map((row) => row.id);

    await waitFor('old sessions deleted', async () => {
      const { rows } = await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE id = ANY($1)', [doomed]);
      return rows[0].n === 0 ? true : undefined;
    }, 30_000);
    const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM sessions WHERE id = ANY($1)', [kept]);
    expect(rows.map((row) => row.id).sort()).toEqual([...kept].sort());
    // The signed-in user's own session is still good.
    expect((await call('GET', '/auth/me', people.dlh.token)).status).toBe(200);
  });
});
