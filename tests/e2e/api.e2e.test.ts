import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import {
  ADMIN_QUEUES,
  QUEUES,
  REPLIES_OUTBOX_QUEUE,
  type FailedJobView,
  type Mention,
  type MentionPage,
  type QueueCounts,
  type ReplyView,
} from '@sigap/contracts';
import { apiCall, createUser, freePort, ingestQueue, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

describe('API: reading, health, docs, admin queues and configuration', () => {
  let stack: Stack;
  let token: string;
  // The replies outbox webhook is down for this whole file: every delivery fails on its first and only attempt.
  let failingWebhook: Server;
  const get = async <T>(path: string, auth = token): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${auth}` } });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    const port = await freePort();
    failingWebhook = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(500).end('publisher down'));
    });
    await new Promise<void>((resolve) => failingWebhook.listen(port, '127.0.0.1', resolve));
    const outboxEnv = { SIGAP_OUTBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/outbox`, SIGAP_OUTBOX_ATTEMPTS: '1', SIGAP_OUTBOX_BACKOFF_MS: '50' };
    stack = await startStack({ workerEnv: { SIGAP_JOB_ATTEMPTS: '1', ...outboxEnv }, apiEnv: outboxEnv });
    token = (await login(stack, stack.admin.email, stack.admin.password)).accessToken;
  });

  afterAll(async () => {
    await stack?.stop();
    await new Promise<void>((resolve) => (failingWebhook ? failingWebhook.close(() => resolve()) : resolve()));
  });

  it('pages through every mention once with keyset cursors, in each sort order, and filters', async () => {
    const run = randomUUID().slice(0, 8);
    const base = Date.parse('2026-11-01T00:00:00Z');
    const texts = [
      'Tolong! kebakaran di Pasar Kosambi, api membesar dan ada korban',
      'Jalan berlubang parah di Jl. Soekarno-Hatta dekat Gedebage',
      'Terima kasih Pemkot Bandung atas pelayanannya',
      'Sampah belum diangkut seminggu di Cicadas',
    ];
    const items = Array.from({ length: 130 }, (_, i) =>
      mention(`page-${run}-${i}`, `${texts[i % texts.length]} (${run} #${i})`, {
        channel: i % 2 ? 'instagram' : 'x',
        postedAt: new Date(base + (i % 40) * 60_000).toISOString(),
      }),
    );
    expect((await postMentions(stack, { items })).status).toBe(202);
    await waitFor('130 rows', async () => {
      const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE $1', [`page-${run}-%`]);
      return rows[0].n === 130 ? true : undefined;
    });

    for (const sort of ['newest', 'oldest', 'urgency'] as const) {
      const seen: Mention[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/v1/mentions?q=${run}&limit=40&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const { status, body }: { status: number; body: MentionPage } = await get<MentionPage>(query);
        expect(status).toBe(200);
        seen.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(130);
      expect(new Set(seen.map((m) => m.id)).size).toBe(130);
      const key = (m: Mention) => Date.parse(m.postedAt);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]];
        if (sort === 'newest') expect(key(a)).toBeGreaterThanOrEqual(key(b));
        if (sort === 'oldest') expect(key(a)).toBeLessThanOrEqual(key(b));
        if (sort === 'urgency') {
          const rank = ['critical', 'high', 'normal', 'low'];
          expect(rank.indexOf(a.urgency)).toBeLessThanOrEqual(rank.indexOf(b.urgency));
          if (a.urgency === b.urgency) expect(key(a)).toBeGreaterThanOrEqual(key(b));
        }
      }
    }

    const insta = await get<MentionPage>(`/api/v1/mentions?q=${run}&channel=instagram&limit=200`);
    expect(insta.body.items).toHaveLength(65);
    expect(insta.body.items.every((m) => m.channel === 'instagram')).toBe(true);
    const critical = await get<MentionPage>(`/api/v1/mentions?q=${run}&urgency=critical&limit=200`);
    expect(critical.body.items.length).toBeGreaterThan(0);
    expect(critical.body.items.every((m) => m.urgency === 'critical' && m.text.includes('kebakaran'))).toBe(true);
    const fire = await get<MentionPage>(`/api/v1/mentions?q=${run}&opd=DISKARPB&limit=200`);
    expect(fire.body.items.every((m) => m.opdCodes.includes('DISKARPB'))).toBe(true);
    const detail = await get<Mention>(`/api/v1/mentions/${insta.body.items[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toHaveProperty('raw');
  });

  it('explains bad queries: field and reason', async () => {
    const badUrgency = await get<{ code: string; message: string }>('/api/v1/mentions?urgency=panic');
    expect(badUrgency.status).toBe(400);
    expect(badUrgency.body.message).toMatch(/urgency/);
    expect((badUrgency.body as { details?: { field: string }[] }).details?.[0].field).toBe('urgency');
    const badCursor = await get<{ details: { field: string }[] }>('/api/v1/mentions?cursor=abc');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.details[0].field).toBe('cursor');
    expect((await get('/api/v1/mentions?limit=5000')).status).toBe(400);
    expect((await get('/api/v1/mentions/not-a-uuid')).status).toBe(404);
  });

  it('reports liveness, readiness of PostgreSQL, Redis and queues, and serves the OpenAPI docs', async () => {
    expect(await (await fetch(`${stack.baseUrl}/api/health`)).json()).toEqual({ status: 'ok' });
    const ready = (await (await fetch(`${stack.baseUrl}/api/health/ready`)).json()) as { status: string; info: Record<string, unknown> };
    expect(ready.status).toBe('ok');
    expect(Object.keys(ready.info)).toEqual(expect.arrayContaining(['postgres', 'redis', 'queues']));
    const docs = await fetch(`${stack.baseUrl}/api/docs-json`);
    expect(docs.status).toBe(200);
    const spec = (await docs.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/mentions', '/api/v1/auth/login', '/api/health/ready']));
  });

  it('keeps failed jobs where a supervisor can see and retry them, and hides them from admins', async () => {
    const queue = ingestQueue(stack.env.REDIS_URL as string, stack.prefix);
    const jobId = randomUUID();
    // A job the ingest API would never produce: the worker fails it, and with one attempt it lands in the failed set.
    await queue.add('mention', { id: jobId, mention: null, receivedAt: new Date().toISOString() } as never, { jobId, attempts: 1 });
    await queue.close();
    let failed: FailedJobView[] = [];
    await waitFor('the failed job', async () => {
      failed = (await get<FailedJobView[]>(`/api/v1/admin/queues/${QUEUES.ingest}/failed`)).body;
      return failed.some((j) => j.id === jobId) ? true : undefined;
    });
    const counts = await get<QueueCounts[]>('/api/v1/admin/queues');
    expect(counts.body.find((q) => q.name === QUEUES.ingest)?.failed).toBeGreaterThanOrEqual(1);

    await createUser(stack, { email: 'dlh@sigap.test', password: 'rahasia-sekali-123', role: 'admin', opds: ['DLH'] });
    const adminToken = (await login(stack, 'dlh@sigap.test', 'rahasia-sekali-123')).accessToken;
    expect((await get('/api/v1/admin/queues', adminToken)).status).toBe(403);

    const retry = await fetch(`${stack.baseUrl}/api/v1/admin/queues/${QUEUES.ingest}/failed/${jobId}/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(retry.status).toBe(204);
    // It runs again (and fails again, since its data is still bad): attempts go up.
    await waitFor('the retried job to fail again', async () => {
      const again = (await get<FailedJobView[]>(`/api/v1/admin/queues/${QUEUES.ingest}/failed`)).body.find((j) => j.id === jobId);
      return again && again.attemptsMade >= 2 ? true : undefined;
    });
  });

  it('lists every background queue, and shows and retries a failed reply delivery', async () => {
    const counts = await get<QueueCounts[]>('/api/v1/admin/queues');
    expect(counts.body.map((q) => q.name)).toEqual([...ADMIN_QUEUES]);
    expect((await get('/api/v1/admin/queues/no-such-queue/failed')).status).toBe(404);

    await createUser(stack, { email: 'spv-queues@sigap.test', password: 'rahasia-sekali-123', role: 'supervisor' });
    const supervisor = (await login(stack, 'spv-queues@sigap.test', 'rahasia-sekali-123')).accessToken;
    const externalId = `queues-${randomUUID().slice(0, 8)}`;
    expect((await postMentions(stack, mention(externalId, 'sampah numpuk di TPS pasar sudah seminggu belum diangkut'))).status).toBe(202);
    const { id: mentionId } = await waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0];
    });
    // Not critical, so the reply goes straight to the outbox without an approval.
    await stack.db.query("UPDATE mentions SET urgency = 'normal', urgency_rank = 2 WHERE id = $1", [mentionId]);
    const reply = await apiCall<ReplyView>(stack, 'POST', `/mentions/${mentionId}/replies`, supervisor, { text: 'Sudah kami laporkan ke DLH.' });
    expect(reply.body.status).toBe('antri');

    const outboxFailed = `/api/v1/admin/queues/${REPLIES_OUTBOX_QUEUE}/failed`;
    const job = await waitFor('the failed delivery', async () => (await get<FailedJobView[]>(outboxFailed)).body.find((j) => j.id === reply.body.id));
    // Outbox jobs carry the reply's id only: no text, no webhook secret.
    expect(job).toMatchObject({ queue: REPLIES_OUTBOX_QUEUE, attemptsMade: 1, data: { replyId: reply.body.id }, failedReason: expect.stringContaining('500') });
    expect(Object.keys(job.data as object)).toEqual(['replyId']);
    expect((await get<QueueCounts[]>('/api/v1/admin/queues')).body.find((q) => q.name === REPLIES_OUTBOX_QUEUE)?.failed).toBeGreaterThanOrEqual(1);

    const retryPath = `${outboxFailed}/${encodeURIComponent(job.id)}/retry`;
    const firstTry = await stack.db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM replies WHERE id = $1', [reply.body.id]);
    expect(firstTry.rows[0]).toEqual({ status: 'gagal', attempts: 1 });
    expect((await fetch(`${stack.baseUrl}${retryPath}`, { method: 'POST', headers: { authorization: `Bearer ${supervisor}` } })).status).toBe(204);
    // The reply itself goes back to the outbox and is really sent again (the webhook still answers 500),
    // and the retry is on record under the supervisor's name.
    const secondTry = await waitFor('the second delivery attempt', async () => {
      const { rows } = await stack.db.query<{ status: string; attempts: number }>('SELECT status, attempts FROM replies WHERE id = $1', [reply.body.id]);
      return rows[0].attempts === 2 && rows[0].status === 'gagal' ? rows[0] : undefined;
    });
    expect(secondTry).toEqual({ status: 'gagal', attempts: 2 });
    const audit = await stack.db.query<{ action: string; role: string }>(
      `SELECT action, actor_role AS role FROM audit_log WHERE entity_id = $1 AND action = 'reply.retry' AND after->>'replyId' = $2`,
      [mentionId, reply.body.id],
    );
    expect(audit.rows).toEqual([{ action: 'reply.retry', role: 'supervisor' }]);
  });

  it('refuses to boot on a bad environment, naming the variable', async () => {
    const entry = join(__dirname, '..', '..', 'dist/server/apps/api/src/main.js');
    const child = spawn(process.execPath, ['-r', join(__dirname, '..', '..', 'scripts/register-paths.cjs'), entry], {
      env: { ...stack.env, PORT: 'seventy', JWT_SECRET: 'short' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toMatch(/JWT_SECRET/);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
