import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import type {
  ApiErrorBody,
  ApprovalItem,
  LiveReplyUpdate,
  MentionStatus,
  OutboxDelivery,
  RenderTemplateResult,
  ReplyStatus,
  ReplyTemplateView,
  ReplyView,
} from '@sigap/contracts';
import { apiCall, createUser, freePort, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SAMPAH = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';
const SECRET = 'outbox-secret-for-the-e2e-test';
const ATTEMPTS = 3;

interface Received {
  delivery: OutboxDelivery;
  raw: string;
  signature: string | undefined;
}

interface AuditRow {
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The outbox webhook: a real HTTP server that records what it receives and answers 200 or, when told, 500. */
class Webhook {
  readonly received: Received[] = [];
  failing = false;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (this.failing) {
          response.writeHead(500).end('publisher down');
          return;
        }
        this.received.push({ delivery: JSON.parse(raw) as OutboxDelivery, raw, signature: request.headers['x-sigap-signature'] as string | undefined });
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ externalUrl: `https://x.com/pemkot/status/${this.received.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${port}/outbox`;
  }

  deliveriesOf(replyId: string): Received[] {
    return this.received.filter((r) => r.delivery.replyId === replyId);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * Replying with one voice: templates with variables and scopes, replies that claim their mention,
 * the approval queue (critical mentions, trainees; never one's own), and the outbox delivering
 * to a real webhook with a signature, retries and failure, each step in the audit log and live.
 */
describe('replies: templates, approvals and the outbox', () => {
  let stack: Stack;
  const webhook = new Webhook();
  const password = 'rahasia-sekali-123';
  const users: Record<'spv' | 'spv2' | 'dlh' | 'dlh2' | 'trainee' | 'dishub' | 'liaison', { id: string; token: string; name: string }> = {} as never;
  const sockets: Socket[] = [];
  const run = randomUUID().slice(0, 8);
  let seq = 0;

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T>(stack, method, path, token, body);

  /** A fresh mention routed to DLH only, by Siti Aminah, in Gedebage unless `kecamatan` is null. */
  const newMention = async (options: { urgency?: 'critical'; kecamatan?: string | null } = {}): Promise<string> => {
    const externalId = `reply-${run}-${++seq}`;
    expect((await postMentions(stack, mention(externalId, SAMPAH, { author: { handle: `warga_${seq}`, name: 'Siti Aminah' } }))).status).toBe(202);
    const row = await waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0];
    });
    await stack.db.query(
      `UPDATE mentions SET opd_codes = '{DLH}', kecamatan_code = $2,
              urgency = COALESCE($3, urgency), urgency_rank = CASE WHEN $3 = 'critical' THEN 0 ELSE urgency_rank END WHERE id = $1`,
      [row.id, options.kecamatan === null ? null : (options.kecamatan ?? 'KEC-3273101'), options.urgency ?? null],
    );
    return row.id;
  };

  const mentionRow = async (id: string) =>
    (await stack.db.query<{ status: MentionStatus; claimed_by: string | null; seq: string; received_at: Date }>('SELECT status, claimed_by, seq, received_at FROM mentions WHERE id = $1', [id])).rows[0];
  const replyStatus = async (id: string) => (await stack.db.query<{ status: ReplyStatus; attempts: number; last_error: string | null }>('SELECT status, attempts, last_error FROM replies WHERE id = $1', [id])).rows[0];
  const auditOf = async (entityId: string): Promise<AuditRow[]> => (await stack.db.query<AuditRow>('SELECT * FROM audit_log WHERE entity_id = $1 ORDER BY id', [entityId])).rows;
  const untilReply = (id: string, status: ReplyStatus) => waitFor(`reply ${id} to be ${status}`, async () => ((await replyStatus(id))?.status === status ? true : undefined), 20_000);
  const ticketOf = (row: { seq: string; received_at: Date }) => `BDG-${row.received_at.getUTCFullYear()}-${String(row.seq).padStart(6, '0')}`;
  const validSignature = (received: Received) => received.signature === `sha256=${createHmac('sha256', SECRET).update(received.raw).digest('hex')}`;

  const createTemplate = async (body: Record<string, unknown>) => {
    const created = await call<ReplyTemplateView>('POST', '/templates', users.spv.token, body);
    expect(created.status).toBe(201);
    return created.body;
  };

  beforeAll(async () => {
    await webhook.start();
    const outboxEnv = {
      SIGAP_OUTBOX_WEBHOOK_URL: webhook.url,
      SIGAP_OUTBOX_SECRET: SECRET,
      SIGAP_OUTBOX_ATTEMPTS: String(ATTEMPTS),
      SIGAP_OUTBOX_BACKOFF_MS: '50',
      SIGAP_HOTLINES: 'DLH=022-7208-112',
    };
    stack = await startStack({ workerEnv: outboxEnv, apiEnv: outboxEnv });
    const accounts = {
      spv: { role: 'supervisor' as const, name: 'Supervisor Satu' },
      spv2: { role: 'supervisor' as const, name: 'Supervisor Dua' },
      dlh: { role: 'admin' as const, opds: ['DLH'], name: 'Admin DLH' },
      dlh2: { role: 'admin' as const, opds: ['DLH'], name: 'Admin DLH Dua' },
      trainee: { role: 'admin' as const, opds: ['DLH'], name: 'Magang DLH' },
      dishub: { role: 'admin' as const, opds: ['DISHUB'], name: 'Admin DISHUB' },
      liaison: { role: 'liaison' as const, name: 'DPRD' },
    };
    for (const [key, account] of Object.entries(accounts)) {
      const email = `${key}-${run}@sigap.test`;
      await createUser(stack, { email, password, ...account });
      const session = await login(stack, email, password);
      users[key as keyof typeof users] = { id: session.user.id, token: session.accessToken, name: session.user.name };
    }
    await stack.db.query('UPDATE users SET trainee = true WHERE id = $1', [users.trainee.id]);
  }, 180_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await stack?.stop();
    await webhook.stop();
  });

  it('creates, searches and edits templates, scoped by OPD, each change audited', async () => {
    const general = await createTemplate({
      title: `Terima kasih ${run}`,
      body: 'Halo {nama}, laporan {nomor_tiket} sudah kami terima.',
      category: 'umum',
      scope: 'all',
    });
    expect(general).toMatchObject({ scope: 'all', opdCode: null, usageCount: 0, archived: false, createdBy: { id: users.spv.id } });
    const dlh = await createTemplate({ title: `Sampah DLH ${run}`, body: 'Sampah di {kecamatan} segera diangkut oleh {opd}.', category: 'sampah', scope: 'opd', opdCode: 'DLH' });
    const dishub = await createTemplate({ title: `Lampu DISHUB ${run}`, body: 'Lampu lalu lintas diperbaiki.', category: 'jalan', scope: 'opd', opdCode: 'DISHUB' });

    expect((await call('POST', '/templates', users.dlh.token, { title: 'x', body: 'y', category: 'z', scope: 'all' })).status).toBe(403);
    expect((await call('GET', '/templates', users.liaison.token)).status).toBe(403);
    const unknownVariable = await call<ApiErrorBody>('POST', '/templates', users.spv.token, { title: 'x', body: 'Halo {jadwal}', category: 'z', scope: 'all' });
    expect(unknownVariable.status).toBe(400);
    expect(unknownVariable.body.details).toEqual([{ field: 'body', message: 'unknown variables: {jadwal}' }]);
    expect((await call('POST', '/templates', users.spv.token, { title: 'x', body: 'y', category: 'z', scope: 'opd' })).status).toBe(400);
    expect((await call('POST', '/templates', users.spv.token, { title: 'x', body: 'y', category: 'z', scope: 'opd', opdCode: 'NOPE' })).status).toBe(400);

    const seenBy = async (token: string, query = '') => (await call<ReplyTemplateView[]>('GET', `/templates${query}`, token)).body.map((t) => t.id);
    const dlhSees = await seenBy(users.dlh.token);
    expect(dlhSees).toEqual(expect.arrayContaining([general.id, dlh.id]));
    expect(dlhSees).not.toContain(dishub.id);
    const dishubSees = await seenBy(users.dishub.token);
    expect(dishubSees).toEqual(expect.arrayContaining([general.id, dishub.id]));
    expect(dishubSees).not.toContain(dlh.id);
    expect(await seenBy(users.spv.token, `?q=${encodeURIComponent(`Lampu DISHUB ${run}`)}`)).toEqual([dishub.id]);
    expect(await seenBy(users.spv.token, '?category=sampah')).toEqual([dlh.id]);
    expect(await seenBy(users.spv.token, '?opd=DISHUB')).toEqual([dishub.id]);

    const edited = await call<ReplyTemplateView>('PATCH', `/templates/${dishub.id}`, users.spv.token, { title: `Lampu jalan ${run}`, archived: true });
    expect(edited).toMatchObject({ status: 200, body: { title: `Lampu jalan ${run}`, archived: true, updatedBy: { id: users.spv.id } } });
    expect(await seenBy(users.dishub.token)).not.toContain(dishub.id);
    expect(await seenBy(users.spv.token, '?includeArchived=true&opd=DISHUB')).toEqual([dishub.id]);
    expect((await call('PATCH', `/templates/${dishub.id}`, users.dishub.token, { title: 'no' })).status).toBe(403);
    expect((await call('PATCH', `/templates/${randomUUID()}`, users.spv.token, { title: 'no' })).status).toBe(404);

    const audit = await auditOf(dishub.id);
    expect(audit.map((row) => [row.action, row.entity_type, row.actor_id])).toEqual([
      ['template.create', 'reply_template', users.spv.id],
      ['template.update', 'reply_template', users.spv.id],
    ]);
    expect(audit[1].before).toMatchObject({ title: `Lampu DISHUB ${run}`, archived: false });
    expect(audit[1].after).toMatchObject({ title: `Lampu jalan ${run}`, archived: true });
  });

  it('lists the templates applicable to a mention, its incident first', async () => {
    const id = await newMention();
    const { rows } = await stack.db.query<{ cluster_id: string }>('SELECT cluster_id FROM mentions WHERE id = $1', [id]);
    const incident = await createTemplate({ title: `Insiden ${run}`, body: 'Tim sudah di lokasi.', category: 'insiden', scope: 'incident', incidentId: rows[0].cluster_id });
    const elsewhere = await createTemplate({ title: `Dishub ${run}`, body: 'Kami cek.', category: 'jalan', scope: 'opd', opdCode: 'DISHUB' });
    const applicable = (await call<ReplyTemplateView[]>('GET', `/templates?mentionId=${id}`, users.dlh.token)).body;
    expect(applicable[0].id).toBe(incident.id);
    expect(applicable.map((t) => t.id)).not.toContain(elsewhere.id);
    expect((await call('GET', `/templates?mentionId=${id}`, users.dishub.token)).status).toBe(404);
  });

  it('fills a template from the mention, refuses a missing variable without storing anything, and delivers once, signed', async () => {
    const template = await createTemplate({
      title: `Lengkap ${run}`,
      body: 'Halo {nama}, laporan {nomor_tiket} di {kecamatan} ditangani {opd}. Darurat: {hotline}.',
      category: 'umum',
      scope: 'all',
    });
    const noPlace = await newMention({ kecamatan: null });
    const preview = await call<RenderTemplateResult>('POST', `/templates/${template.id}/render`, users.dlh.token, { mentionId: noPlace });
    expect(preview.status).toBe(200);
    expect(preview.body.missing).toEqual(['kecamatan']);
    expect(preview.body.text).toContain('{kecamatan}');

    const refused = await call<ApiErrorBody>('POST', `/mentions/${noPlace}/replies`, users.dlh.token, { templateId: template.id });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'variables', missing: ['kecamatan'] })]);
    expect((await stack.db.query('SELECT 1 FROM replies WHERE mention_id = $1', [noPlace])).rowCount).toBe(0);
    expect(await mentionRow(noPlace)).toMatchObject({ status: 'baru', claimed_by: null });
    expect(await auditOf(noPlace)).toHaveLength(0);

    const unknown = await call<ApiErrorBody>('POST', `/mentions/${noPlace}/replies`, users.dlh.token, { templateId: template.id, variables: { kecamatan: 'Cibiru', jadwal: 'besok' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ missing: ['jadwal'] })]);

    const created = await call<ReplyView>('POST', `/mentions/${noPlace}/replies`, users.dlh.token, { templateId: template.id, variables: { kecamatan: 'Cibiru' } });
    expect(created.status).toBe(201);
    const row = await mentionRow(noPlace);
    const expected = `Halo Siti Aminah, laporan ${ticketOf(row)} di Cibiru ditangani Dinas Lingkungan Hidup. Darurat: 022-7208-112.`;
    expect(created.body).toMatchObject({ text: expected, status: 'antri', templateId: template.id, author: { id: users.dlh.id, name: 'Admin DLH' } });
    // Replying claimed the mention for its author.
    expect(row.claimed_by).toBe(users.dlh.id);

    await untilReply(created.body.id, 'terkirim');
    const deliveries = webhook.deliveriesOf(created.body.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].delivery).toMatchObject({ replyId: created.body.id, mentionId: noPlace, channel: 'x', text: expected, ticketNumber: ticketOf(row) });
    expect(validSignature(deliveries[0])).toBe(true);
    expect((await mentionRow(noPlace)).status).toBe('dibalas');
    const listed = (await call<ReplyView[]>('GET', `/mentions/${noPlace}/replies`, users.dlh.token)).body;
    expect(listed).toEqual([expect.objectContaining({ id: created.body.id, status: 'terkirim', attempts: 1, sentAt: expect.any(String), externalUrl: expect.stringMatching(/^https:/) })]);
    const { rows } = await stack.db.query<{ usage_count: number }>('SELECT usage_count FROM reply_templates WHERE id = $1', [template.id]);
    expect(rows[0].usage_count).toBe(1);
    expect((await auditOf(noPlace)).map((a) => a.action)).toEqual(['mention.claim', 'reply.create', 'reply.sent']);
  }, 60_000);

  it('sends replies to critical mentions through approval: never by their author, then exactly once', async () => {
    const id = await newMention({ urgency: 'critical' });
    const client = await new Promise<{ updates: LiveReplyUpdate[] }>((resolve, reject) => {
      const socket = io(`${stack.baseUrl}/live`, { auth: { token: users.dlh.token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const state = { updates: [] as LiveReplyUpdate[] };
      socket.on('replyUpdated', (update: LiveReplyUpdate) => state.updates.push(update));
      socket.once('hello', () => resolve(state));
      socket.once('connect_error', reject);
    });

    const created = await call<ReplyView>('POST', `/mentions/${id}/replies`, users.dlh.token, { text: 'Halo {nama}, petugas kami meluncur.' });
    expect(created).toMatchObject({ status: 201, body: { status: 'menunggu_persetujuan', text: 'Halo Siti Aminah, petugas kami meluncur.' } });
    const replyId = created.body.id;
    expect((await mentionRow(id)).status).toBe('menunggu_persetujuan');
    await waitFor('the new reply to reach the dashboard', async () => client.updates.find((u) => u.id === replyId && u.status === 'menunggu_persetujuan'), 5_000);

    const queue = await call<ApprovalItem[]>('GET', '/approvals', users.spv.token);
    const item = queue.body.find((entry) => entry.reply.id === replyId);
    expect(item).toMatchObject({ reply: { author: { name: 'Admin DLH' } }, mention: { id, urgency: 'critical', ticketNumber: ticketOf(await mentionRow(id)) } });
    expect(item?.mention.excerpt).toContain('sampah numpuk');
    expect((await call('GET', '/approvals', users.dlh.token)).status).toBe(403);
    const { rows: asked } = await stack.db.query<{ user_id: string }>(`SELECT user_id FROM notifications WHERE kind = 'approval_requested' AND payload->>'replyId' = $1`, [replyId]);
    // Supervisors and superadmins (here the bootstrap one) may decide, so all of them are told.
    const superadmin = await login(stack, stack.admin.email, stack.admin.password);
    expect(asked.map((n) => n.user_id).sort()).toEqual([users.spv.id, users.spv2.id, superadmin.user.id].sort());

    // A supervisor's own reply to a critical mention needs another supervisor.
    const other = await newMention({ urgency: 'critical' });
    const own = await call<ReplyView>('POST', `/mentions/${other}/replies`, users.spv.token, { text: 'Kami tangani.' });
    expect(own.body.status).toBe('menunggu_persetujuan');
    expect((await call('POST', `/approvals/${own.body.id}`, users.spv.token, { decision: 'approve' })).status).toBe(403);
    expect((await call('POST', `/approvals/${own.body.id}`, users.spv2.token, { decision: 'approve' })).status).toBe(200);
    await untilReply(own.body.id, 'terkirim');

    expect((await call('POST', `/approvals/${replyId}`, users.dlh.token, { decision: 'approve' })).status).toBe(403);
    const approved = await call<ReplyView>('POST', `/approvals/${replyId}`, users.spv.token, { decision: 'approve', text: 'Halo Siti Aminah, petugas DLH meluncur ke lokasi.' });
    expect(approved).toMatchObject({ status: 200, body: { status: 'antri', reviewedBy: { id: users.spv.id } } });
    expect((await call('POST', `/approvals/${replyId}`, users.spv2.token, { decision: 'approve' })).status).toBe(409);
    await untilReply(replyId, 'terkirim');
    const deliveries = webhook.deliveriesOf(replyId);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].delivery.text).toBe('Halo Siti Aminah, petugas DLH meluncur ke lokasi.');
    expect(validSignature(deliveries[0])).toBe(true);
    expect((await mentionRow(id)).status).toBe('dibalas');
    await waitFor('the delivery to reach the dashboard', async () => client.updates.find((u) => u.id === replyId && u.status === 'terkirim'), 5_000);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['mention.claim', 'reply.create', 'reply.approve', 'reply.sent']);
    expect(audit[2]).toMatchObject({ actor_id: users.spv.id, entity_type: 'mention', after: { replyId, status: 'antri', edited: true } });
    expect(audit[3].after).toMatchObject({ replyId, status: 'terkirim', text: 'Halo Siti Aminah, petugas DLH meluncur ke lokasi.' });
    const { rows: told } = await stack.db.query(`SELECT user_id, payload FROM notifications WHERE kind = 'reply_reviewed' AND payload->>'replyId' = $1`, [replyId]);
    expect(told).toEqual([{ user_id: users.dlh.id, payload: expect.objectContaining({ decision: 'approve', edited: true }) }]);
  }, 60_000);

  it("sends a trainee's reply back with a comment, and the mention back to handling", async () => {
    const id = await newMention();
    const created = await call<ReplyView>('POST', `/mentions/${id}/replies`, users.trainee.token, { text: 'Sabar ya.' });
    expect(created.body.status).toBe('menunggu_persetujuan');
    expect((await call('POST', `/approvals/${created.body.id}`, users.spv.token, { decision: 'return' })).status).toBe(400);
    const returned = await call<ReplyView>('POST', `/approvals/${created.body.id}`, users.spv.token, { decision: 'return', comment: 'Sebutkan nomor tiket.' });
    expect(returned).toMatchObject({ status: 200, body: { status: 'dikembalikan', reviewComment: 'Sebutkan nomor tiket.' } });
    expect(await mentionRow(id)).toMatchObject({ status: 'ditangani', claimed_by: users.trainee.id });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['mention.claim', 'reply.create', 'reply.return']);
    expect(webhook.deliveriesOf(created.body.id)).toHaveLength(0);
  });

  it('retries a failing webhook, gives up as gagal, and sends on a manual retry once it recovers', async () => {
    const id = await newMention();
    webhook.failing = true;
    const created = await call<ReplyView>('POST', `/mentions/${id}/replies`, users.dlh.token, { text: 'Sudah kami laporkan.' });
    expect(created.body.status).toBe('antri');
    await untilReply(created.body.id, 'gagal');
    expect(await replyStatus(created.body.id)).toMatchObject({ attempts: ATTEMPTS, last_error: expect.stringContaining('500') });
    expect((await mentionRow(id)).status).toBe('ditangani');

    expect((await call('POST', `/replies/${created.body.id}/retry`, users.dishub.token)).status).toBe(404);
    expect((await call('POST', `/replies/${created.body.id}/retry`, users.liaison.token)).status).toBe(403);
    webhook.failing = false;
    const retried = await call<ReplyView>('POST', `/replies/${created.body.id}/retry`, users.dlh2.token);
    expect(retried).toMatchObject({ status: 200, body: { status: 'antri', lastError: null } });
    await untilReply(created.body.id, 'terkirim');
    expect(webhook.deliveriesOf(created.body.id)).toHaveLength(1);
    expect((await mentionRow(id)).status).toBe('dibalas');
    expect((await call('POST', `/replies/${created.body.id}/retry`, users.dlh.token)).status).toBe(409);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['mention.claim', 'reply.create', 'reply.failed', 'reply.retry', 'reply.sent']);
  }, 60_000);

  it('records a reply made directly on the platform with its link', async () => {
    const id = await newMention();
    expect((await call('POST', `/mentions/${id}/replies`, users.dlh.token, { direct: true })).status).toBe(400);
    expect((await call('POST', `/mentions/${id}/replies`, users.dlh.token, { direct: true, link: 'javascript:alert(1)' })).status).toBe(400);
    const direct = await call<ReplyView>('POST', `/mentions/${id}/replies`, users.dlh.token, { direct: true, link: 'https://x.com/pemkot/status/99' });
    expect(direct).toMatchObject({ status: 201, body: { status: 'terkirim', direct: true, externalUrl: 'https://x.com/pemkot/status/99', sentAt: expect.any(String) } });
    expect((await mentionRow(id)).status).toBe('dibalas');
    expect(webhook.deliveriesOf(direct.body.id)).toHaveLength(0);
  });

  it('hides mentions of other OPDs (404), refuses liaisons (403) and replies to mentions someone else holds (409)', async () => {
    const id = await newMention();
    expect((await call('POST', `/mentions/${id}/replies`, users.dishub.token, { text: 'Halo' })).status).toBe(404);
    expect((await call('GET', `/mentions/${id}/replies`, users.dishub.token)).status).toBe(404);
    expect((await call('POST', `/mentions/${id}/replies`, users.liaison.token, { text: 'Halo' })).status).toBe(403);
    expect((await call('POST', `/mentions/${randomUUID()}/replies`, users.spv.token, { text: 'Halo' })).status).toBe(404);
    expect((await call('POST', `/mentions/${id}/claim`, users.dlh2.token)).status).toBe(200);
    const held = await call<ApiErrorBody>('POST', `/mentions/${id}/replies`, users.dlh.token, { text: 'Halo' });
    expect(held.status).toBe(409);
    expect(held.body.details).toEqual({ holder: { id: users.dlh2.id, name: 'Admin DLH Dua' } });
    expect((await stack.db.query('SELECT 1 FROM replies WHERE mention_id = $1', [id])).rowCount).toBe(0);
  });
});
