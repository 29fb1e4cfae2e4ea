import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ApiErrorBody, LiveMentionUpdate, Mention, MentionClaimConflict, MentionDeskState } from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SAMPAH = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';
const ADMINS = 50;

interface AuditRow {
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  request_id: string | null;
}

/**
 * The desk: claims (exactly one of many simultaneous claims wins), releases and status changes,
 * scoped like reading (404 outside an admin's OPDs, 403 for liaisons), each one in the
 * append-only audit log, and announced live to other dashboards.
 *
 * Releasing a mention someone else holds is refused with 403 for admins (the holder is named in
 * `details.holder`); supervisors may release anyone's claim. Releasing an unheld mention is 409.
 */
describe('desk: claims, status and the audit log', () => {
  let stack: Stack;
  const password = 'rahasia-sekali-123';
  const tokens: Record<'supervisor' | 'dishub' | 'liaison', string> = { supervisor: '', dishub: '', liaison: '' };
  const admins: { id: string; name: string; token: string }[] = [];
  const sockets: Socket[] = [];
  const run = randomUUID().slice(0, 8);
  let seq = 0;

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T>(stack, method, path, token, body);

  /** A fresh mention routed to DLH (not to DISHUB). */
  const newMention = async (): Promise<string> => {
    const externalId = `desk-${run}-${++seq}`;
    expect((await postMentions(stack, mention(externalId, SAMPAH))).status).toBe(202);
    const row = await waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string; opd_codes: string[] }>('SELECT id, opd_codes FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0];
    });
    expect(row.opd_codes).toContain('DLH');
    expect(row.opd_codes).not.toContain('DISHUB');
    return row.id;
  };

  const auditOf = async (entityId: string): Promise<AuditRow[]> =>
    (await stack.db.query<AuditRow>('SELECT * FROM audit_log WHERE entity_id = $1 ORDER BY id', [entityId])).rows;

  beforeAll(async () => {
    stack = await startStack();
    await createUser(stack, { email: 'spv@sigap.test', password, role: 'supervisor' });
    await createUser(stack, { email: 'dishub@sigap.test', password, role: 'admin', opds: ['DISHUB'] });
    await createUser(stack, { email: 'dprd@sigap.test', password, role: 'liaison' });
    tokens.supervisor = (await login(stack, 'spv@sigap.test', password)).accessToken;
    tokens.dishub = (await login(stack, 'dishub@sigap.test', password)).accessToken;
    tokens.liaison = (await login(stack, 'dprd@sigap.test', password)).accessToken;
    for (let i = 0; i < ADMINS; i++) {
      const email = `dlh${i}@sigap.test`;
      await createUser(stack, { email, password, role: 'admin', opds: ['DLH'], name: `Admin DLH ${i}` });
      const session = await login(stack, email, password);
      admins.push({ id: session.user.id, name: session.user.name, token: session.accessToken });
    }
  }, 180_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await stack?.stop();
  });

  it('lets exactly one of 50 simultaneous claims win, and names the holder to the others', async () => {
    const id = await newMention();
    const results = await Promise.all(admins.map((admin) => call<MentionDeskState & ApiErrorBody>('POST', `/mentions/${id}/claim`, admin.token)));
    const won = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(ADMINS - 1);
    const winner = won[0].body.claimedBy;
    expect(winner).not.toBeNull();
    expect(admins.some((a) => a.id === winner?.id && a.name === winner?.name)).toBe(true);
    for (const r of refused) expect((r.body.details as MentionClaimConflict).holder).toEqual(winner);

    const read = await call<Mention>('GET', `/mentions/${id}`, tokens.supervisor);
    expect(read.body.claimedBy).toEqual(winner);
    expect(read.body.claimedAt).toEqual(won[0].body.claimedAt);

    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: winner?.id, actor_role: 'admin', action: 'mention.claim', entity_type: 'mention' });
    expect(audit[0].before).toMatchObject({ claimedBy: null });
    expect(audit[0].after).toMatchObject({ claimedBy: winner });
    expect(audit[0].request_id).toBeTruthy();

    // Claiming again by the holder changes nothing.
    const holder = admins.find((a) => a.id === winner?.id);
    const again = await call<MentionDeskState>('POST', `/mentions/${id}/claim`, holder?.token ?? '');
    expect(again.status).toBe(200);
    expect(again.body.claimedAt).toEqual(won[0].body.claimedAt);
    expect(await auditOf(id)).toHaveLength(1);
  }, 60_000);

  it('hides mentions of other OPDs (404) and refuses liaisons (403)', async () => {
    const id = await newMention();
    expect((await call('POST', `/mentions/${id}/claim`, tokens.dishub)).status).toBe(404);
    expect((await call('POST', `/mentions/${id}/status`, tokens.dishub, { status: 'selesai' })).status).toBe(404);
    expect((await call('POST', `/mentions/${id}/release`, tokens.dishub)).status).toBe(404);
    expect((await call('POST', `/mentions/${randomUUID()}/claim`, tokens.supervisor)).status).toBe(404);
    expect((await call('POST', `/mentions/not-a-uuid/claim`, tokens.supervisor)).status).toBe(404);
    expect((await call('POST', `/mentions/${id}/claim`, tokens.liaison)).status).toBe(403);
    expect((await call('POST', `/mentions/${id}/status`, tokens.liaison, { status: 'selesai' })).status).toBe(403);
    expect((await call('POST', `/mentions/${id}/release`, tokens.liaison)).status).toBe(403);
    expect((await call('POST', `/mentions/${id}/status`, admins[0].token, { status: 'nope' })).status).toBe(400);
    const { rows } = await stack.db.query('SELECT status, claimed_by FROM mentions WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'baru', claimed_by: null });
    expect(await auditOf(id)).toHaveLength(0);
  });

  it('lets only the holder or a supervisor release, and audits releases and status changes', async () => {
    const id = await newMention();
    const [holder, other] = admins;
    expect((await call('POST', `/mentions/${id}/release`, holder.token)).status).toBe(409);
    expect((await call('POST', `/mentions/${id}/claim`, holder.token)).status).toBe(200);

    const notHolder = await call<ApiErrorBody>('POST', `/mentions/${id}/release`, other.token);
    expect(notHolder.status).toBe(403);
    expect(notHolder.body.details).toEqual({ holder: { id: holder.id, name: holder.name } });

    const released = await call<MentionDeskState>('POST', `/mentions/${id}/release`, holder.token);
    expect(released).toMatchObject({ status: 200, body: { id, claimedBy: null, claimedAt: null } });

    expect((await call('POST', `/mentions/${id}/claim`, other.token)).status).toBe(200);
    expect((await call('POST', `/mentions/${id}/release`, tokens.supervisor)).status).toBe(200);

    const changed = await call<MentionDeskState>('POST', `/mentions/${id}/status`, other.token, { status: 'selesai', reason: 'sudah diangkut' });
    expect(changed).toMatchObject({ status: 200, body: { id, status: 'selesai' } });
    expect((await call<Mention>('GET', `/mentions/${id}`, other.token)).body.status).toBe('selesai');

    const audit = await auditOf(id);
    expect(audit.map((row) => [row.action, row.actor_id])).toEqual([
      ['mention.claim', holder.id],
      ['mention.release', holder.id],
      ['mention.claim', other.id],
      ['mention.release', expect.any(String)],
      ['mention.status', other.id],
    ]);
    expect(audit[3].actor_role).toBe('supervisor');
    expect(audit[4].before).toMatchObject({ status: 'baru' });
    expect(audit[4].after).toMatchObject({ status: 'selesai', reason: 'sudah diangkut' });
  });

  it('validates every status change against the workflow', async () => {
    const id = await newMention();
    const [admin] = admins;
    const status = (body: unknown) => call<ApiErrorBody & MentionDeskState>('POST', `/mentions/${id}/status`, admin.token, body);

    const claimed = await call<MentionDeskState>('POST', `/mentions/${id}/claim`, admin.token);
    expect(claimed.body.status).toBe('ditangani');
    const byHand = await status({ status: 'dibalas' });
    expect(byHand.status).toBe(400);
    expect(byHand.body.details).toEqual([{ field: 'status', message: expect.stringContaining('reply') }]);
    expect((await status({ status: 'menunggu_persetujuan' })).status).toBe(400);

    expect((await status({ status: 'spam' })).status).toBe(200);
    const refused = await status({ status: 'selesai' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual({ from: 'spam', to: 'selesai' });
    expect((await status({ status: 'baru' })).status).toBe(200);
    const released = await call<MentionDeskState>('POST', `/mentions/${id}/release`, admin.token);
    expect(released.body).toMatchObject({ status: 'baru', claimedBy: null });

    const hoax = await status({ status: 'hoaks', reason: 'foto lama' });
    expect(hoax.body.opdCodes).toEqual(expect.arrayContaining(['DLH', 'DISKOMINFO']));
    expect((await status({ status: 'selesai' })).status).toBe(200);
    const rows = await auditOf(id);
    expect(rows.filter((row) => row.action === 'mention.status').map((row) => row.after?.status)).toEqual(['spam', 'baru', 'hoaks', 'selesai']);
  });

  it('forwards a mention outside its remit (bukan wewenang) to another OPD, with a reason', async () => {
    const id = await newMention();
    const [admin] = admins;
    const status = (body: unknown) => call<ApiErrorBody & MentionDeskState>('POST', `/mentions/${id}/status`, admin.token, body);
    expect((await call('POST', `/mentions/${id}/claim`, admin.token)).status).toBe(200);

    const noReason = await status({ status: 'bukan_wewenang', forwardTo: 'DISHUB' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([{ field: 'reason', message: 'required' }]);
    expect((await status({ status: 'bukan_wewenang', reason: 'jalan rusak' })).body.details).toEqual([{ field: 'forwardTo', message: 'required' }]);
    expect((await status({ status: 'bukan_wewenang', reason: 'x', forwardTo: 'NOPE' })).status).toBe(400);

    const forwarded = await status({ status: 'bukan_wewenang', reason: 'urusan lampu lalu lintas', forwardTo: 'DISHUB' });
    expect(forwarded.body).toMatchObject({ status: 'bukan_wewenang', opdCodes: ['DISHUB'], claimedBy: null });
    const { rows } = await stack.db.query('SELECT from_opds, to_opd, reason, forwarded_by FROM mention_forwards WHERE mention_id = $1', [id]);
    expect(rows).toEqual([{ from_opds: expect.arrayContaining(['DLH']), to_opd: 'DISHUB', reason: 'urusan lampu lalu lintas', forwarded_by: admin.id }]);

    // It left DLH's desk and arrived at DISHUB's, where claiming starts handling again.
    expect((await call('GET', `/mentions/${id}`, admin.token)).status).toBe(404);
    const taken = await call<MentionDeskState>('POST', `/mentions/${id}/claim`, tokens.dishub);
    expect(taken.body).toMatchObject({ status: 'ditangani' });
  });

  it('claims a whole cluster in one click, leaving what others already hold', async () => {
    const base = `${SAMPAH} (pasar ${run})`;
    const externalIds = [`cl-${run}-a`, `cl-${run}-b`, `cl-${run}-c`];
    const texts = [base, `RT @infobdg: ${base}`, `${base} #bandung`];
    for (const [index, externalId] of externalIds.entries()) {
      expect((await postMentions(stack, mention(externalId, texts[index]))).status).toBe(202);
    }
    const rows = await waitFor('the cluster to form', async () => {
      const found = await stack.db.query<{ id: string; external_id: string; cluster_id: string }>(
        'SELECT id, external_id, cluster_id FROM mentions WHERE external_id = ANY($1) ORDER BY external_id',
        [externalIds],
      );
      return found.rows.length === 3 ? found.rows : undefined;
    });
    expect(new Set(rows.map((row) => row.cluster_id)).size).toBe(1);
    const [first, second, third] = rows;
    const [claimer, other] = admins;
    expect((await call('POST', `/mentions/${third.id}/claim`, other.token)).status).toBe(200);

    const claimed = await call<MentionDeskState>('POST', `/mentions/${first.id}/claim`, claimer.token, { cluster: true });
    expect(claimed.body).toMatchObject({ id: first.id, status: 'ditangani', claimedBy: { id: claimer.id } });
    const holders = await stack.db.query<{ id: string; claimed_by: string; status: string }>(
      'SELECT id, claimed_by, status FROM mentions WHERE id = ANY($1)',
      [[first.id, second.id, third.id]],
    );
    const holderOf = Object.fromEntries(holders.rows.map((row) => [row.id, row.claimed_by]));
    expect(holderOf).toEqual({ [first.id]: claimer.id, [second.id]: claimer.id, [third.id]: other.id });
    expect((await auditOf(second.id)).map((row) => [row.action, row.after?.viaCluster])).toEqual([['mention.claim', first.cluster_id]]);
  });

  it('records logins, successful and failed', async () => {
    const admin = admins[1];
    const bad = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dlh1@sigap.test', password: 'salah-sekali-123' }),
    });
    expect(bad.status).toBe(401);
    const { rows } = await stack.db.query<AuditRow>(
      `SELECT * FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`,
      [admin.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['auth.login', 'auth.login.failed']);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, actor_role: 'admin' });
    expect(rows[1].after).toMatchObject({ email: 'dlh1@sigap.test', reason: 'wrong password' });
    expect(JSON.stringify(rows)).not.toContain('salah-sekali-123');
    expect(rows[0].ip).toBeTruthy();
  });

  it('refuses to update, delete or truncate audit rows, even through the database connection', async () => {
    const { rows } = await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(rows[0].n).toBeGreaterThan(0);
    await expect(stack.db.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(stack.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(stack.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const after = await stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'forged'`);
    expect(after.rows[0].n).toBe(0);
    expect((await stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(rows[0].n);
  });

  it('tells other dashboards about a claim within a second, and only those that may see the mention', async () => {
    const id = await newMention();
    const connect = (token: string) =>
      new Promise<{ socket: Socket; updates: LiveMentionUpdate[] }>((resolve, reject) => {
        const socket = io(`${stack.baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
        sockets.push(socket);
        const client = { socket, updates: [] as LiveMentionUpdate[] };
        socket.on('mentionUpdated', (update: LiveMentionUpdate) => client.updates.push(update));
        socket.once('hello', () => resolve(client));
        socket.once('connect_error', reject);
      });
    const colleague = await connect(admins[3].token);
    const supervisor = await connect(tokens.supervisor);
    const otherOpd = await connect(tokens.dishub);

    const claimedAt = Date.now();
    const claimed = await call<MentionDeskState>('POST', `/mentions/${id}/claim`, admins[2].token);
    expect(claimed.status).toBe(200);
    const seen = await waitFor('the claim to reach a colleague', async () => colleague.updates.find((u) => u.id === id), 5_000);
    expect(Date.now() - claimedAt).toBeLessThan(1_000);
    expect(seen).toMatchObject({ id, status: 'ditangani', claimedBy: { id: admins[2].id, name: admins[2].name } });
    await waitFor('the claim to reach the supervisor', async () => supervisor.updates.find((u) => u.id === id), 5_000);

    expect((await call('POST', `/mentions/${id}/status`, admins[2].token, { status: 'selesai' })).status).toBe(200);
    await waitFor('the status change', async () => colleague.updates.find((u) => u.id === id && u.status === 'selesai'), 5_000);
    expect(otherOpd.updates.filter((u) => u.id === id)).toHaveLength(0);
  });
});
