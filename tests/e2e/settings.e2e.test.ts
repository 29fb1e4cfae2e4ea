import { randomUUID } from 'node:crypto';
import { DESK_DISPATCH_QUEUE, type ApiErrorBody, type DeskSettingsView, type RenderTemplateResult, type ReplyTemplateView } from '@sigap/contracts';
import { redisOptionsFromUrl } from '@sigap/server/core';
import { Queue } from 'bullmq';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const FLOOD = 'Tolong! Banjir sedada di Gedebage, warga terjebak di atap rumah, butuh evakuasi sekarang';
const SAMPAH = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';

interface AuditRow {
  actor_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The superadmin changes desk settings at run time: stored over the environment's values,
 * audited, refused field by field without a partial write, and in effect in the API and the
 * worker without a restart (SLA of waiting and new mentions, hotlines, sign-in limits); a reset
 * brings the environment's value back.
 */
describe('desk settings changed at run time', () => {
  let stack: Stack;
  let deskQueue: Queue;
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  let serial = 0;
  const tokens = { superadmin: '', supervisor: '', admin: '', liaison: '' };
  let superadminId = '';

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T & ApiErrorBody>(stack, method, path, token, body);
  const settings = async () => (await call<DeskSettingsView>('GET', '/settings', tokens.superadmin)).body;
  const auditRows = async () =>
    (await stack.db.query<AuditRow>(`SELECT actor_id, before, after FROM audit_log WHERE action = 'settings.update' ORDER BY id`)).rows;
  const storedRows = async () => (await stack.db.query<{ key: string }>(`SELECT key FROM desk_settings ORDER BY key`)).rows.map((row) => row.key);

  const newMention = async (text: string): Promise<string> => {
    const externalId = `settings-${run}-${++serial}`;
    expect((await postMentions(stack, mention(externalId, `${text} (${serial})`))).status).toBe(202);
    return waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0]?.id;
    });
  };
  const escalationLevel = async (id: string) =>
    (await stack.db.query<{ escalation_level: number; urgency: string }>('SELECT escalation_level, urgency FROM mentions WHERE id = $1', [id])).rows[0];

  const loginStatus = async (email: string, pw: string) =>
    (
      await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: pw }),
      })
    ).status;

  beforeAll(async () => {
    // The environment's values are the defaults; none of them is short enough to escalate during the test.
    stack = await startStack({ apiEnv: { SIGAP_HOTLINES: 'DINKES=119' }, workerEnv: { SIGAP_HOTLINES: 'DINKES=119' } });
    deskQueue = new Queue(DESK_DISPATCH_QUEUE, { connection: redisOptionsFromUrl(stack.env.REDIS_URL as string), prefix: `${stack.prefix}:bull` });
    await createUser(stack, { email: `spv-${run}@sigap.test`, password, role: 'supervisor' });
    await createUser(stack, { email: `dlh-${run}@sigap.test`, password, role: 'admin', opds: ['DLH'] });
    await createUser(stack, { email: `liaison-${run}@sigap.test`, password, role: 'liaison' });
    const superadmin = await login(stack, stack.admin.email, stack.admin.password);
    tokens.superadmin = superadmin.accessToken;
    superadminId = superadmin.user.id;
    tokens.supervisor = (await login(stack, `spv-${run}@sigap.test`, password)).accessToken;
    tokens.admin = (await login(stack, `dlh-${run}@sigap.test`, password)).accessToken;
    tokens.liaison = (await login(stack, `liaison-${run}@sigap.test`, password)).accessToken;
  }, 180_000);

  afterAll(async () => {
    await deskQueue?.close();
    await stack?.stop();
  });

  it('shows each setting with its environment default, unchanged at first', async () => {
    const view = await call<DeskSettingsView>('GET', '/settings', tokens.supervisor);
    expect(view.status).toBe(200);
    expect(view.body.slaSeconds.critical).toBe(900);
    expect(view.body.entries['slaSeconds.critical']).toEqual({ value: 900, default: 900, changed: false, changedBy: null, changedAt: null });
    expect(view.body.entries.hotlines).toMatchObject({ value: { DINKES: '119' }, default: { DINKES: '119' }, changed: false });
    expect(view.body.environmentVariables['login.maxFailures']).toBe('SIGAP_LOGIN_MAX_FAILURES');
  });

  it('refuses changes to supervisors, admins and liaisons, writing nothing', async () => {
    for (const token of [tokens.supervisor, tokens.admin, tokens.liaison]) {
      expect((await call('PATCH', '/settings', token, { slaSeconds: { critical: 60 } })).status).toBe(403);
    }
    expect((await call('GET', '/settings', tokens.admin)).status).toBe(403);
    expect((await call('GET', '/settings', tokens.liaison)).status).toBe(403);
    expect(await storedRows()).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it('names every bad field in a 400 and changes nothing, not even the valid part', async () => {
    const refused = await call('PATCH', '/settings', tokens.superadmin, {
      slaSeconds: { critical: 0, high: 120 },
      hotlines: { NOPE: '123', DLH: 'call us' },
      defaultHotline: '',
      outboxSecret: 'x',
      theme: 'dark',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        { field: 'slaSeconds.critical', message: 'must be a whole number from 1 to 604800' },
        { field: 'hotlines.NOPE', message: 'is not a known OPD code' },
        { field: 'hotlines.DLH', message: expect.stringContaining('must be 2-40 characters') },
        { field: 'defaultHotline', message: expect.any(String) },
        { field: 'outboxSecret', message: expect.stringContaining('environment only') },
        { field: 'theme', message: expect.stringContaining('is not a setting') },
      ]),
    );
    expect((refused.body.details as unknown[]).length).toBe(6);
    expect(await storedRows()).toEqual([]);
    expect(await auditRows()).toEqual([]);
    expect((await settings()).slaSeconds.high).toBe(3600);
  });

  it('stores a change with who made it, audits before → after, and a reset brings the default back', async () => {
    const changed = await call<DeskSettingsView>('PATCH', '/settings', tokens.superadmin, { slaSeconds: { high: 1800 }, claimIdleSeconds: 600 });
    expect(changed.status).toBe(200);
    expect(changed.body.slaSeconds.high).toBe(1800);
    expect(changed.body.entries['slaSeconds.high']).toMatchObject({ value: 1800, default: 3600, changed: true, changedBy: { id: superadminId } });
    expect(Date.parse(changed.body.entries['slaSeconds.high'].changedAt ?? '')).not.toBeNaN();
    expect((await settings()).entries.claimIdleSeconds).toMatchObject({ value: 600, default: 1200, changed: true });
    expect(await auditRows()).toEqual([
      { actor_id: superadminId, before: { 'slaSeconds.high': 3600, claimIdleSeconds: 1200 }, after: { 'slaSeconds.high': 1800, claimIdleSeconds: 600 } },
    ]);

    // The same value again changes nothing and is not audited.
    expect((await call('PATCH', '/settings', tokens.superadmin, { slaSeconds: { high: 1800 } })).status).toBe(200);
    expect(await auditRows()).toHaveLength(1);

    const reset = await call<DeskSettingsView>('PATCH', '/settings', tokens.superadmin, { slaSeconds: { high: null }, claimIdleSeconds: null });
    expect(reset.status).toBe(200);
    expect(reset.body.entries['slaSeconds.high']).toEqual({ value: 3600, default: 3600, changed: false, changedBy: null, changedAt: null });
    expect(reset.body.claimIdleSeconds).toBe(1200);
    expect(await storedRows()).toEqual([]);
    expect((await auditRows())[1]).toEqual({
      actor_id: superadminId,
      before: { 'slaSeconds.high': 1800, claimIdleSeconds: 600 },
      after: { 'slaSeconds.high': 3600, claimIdleSeconds: 1200 },
    });
  });

  it('applies a shortened critical SLA in the worker to a mention already waiting and to new ones; a reset lengthens it again', async () => {
    const waiting = await newMention(FLOOD);
    expect((await escalationLevel(waiting)).urgency).toBe('critical');
    // Its first rung waits out the environment's 15 minutes.
    const rung = await waitFor('the first escalation rung', async () => (await deskQueue.getJob(`esc-${waiting}-1`)) ?? undefined);
    expect(await rung.isDelayed()).toBe(true);

    expect((await call('PATCH', '/settings', tokens.superadmin, { slaSeconds: { critical: 3 } })).status).toBe(200);
    await waitFor('the waiting mention to escalate', async () => ((await escalationLevel(waiting)).escalation_level >= 1 ? true : undefined));
    const fresh = await newMention(FLOOD);
    await waitFor('the new mention to escalate', async () => ((await escalationLevel(fresh)).escalation_level >= 1 ? true : undefined));

    // Back to 15 minutes: the next rung, scheduled 3 s out, finds the limit longer and waits again.
    expect((await call('PATCH', '/settings', tokens.superadmin, { slaSeconds: { critical: null } })).status).toBe(200);
    const deferred = await waitFor('the second rung to wait again', async () =>
      (await deskQueue.getDelayed()).find((job) => job.id?.startsWith(`esc-${fresh}-2-d`)),
    );
    const dueAt = Number(deferred.id?.split('-d').pop());
    expect(dueAt - deferred.timestamp).toBeGreaterThan(800_000);
    expect((await escalationLevel(fresh)).escalation_level).toBe(1);
  });

  it('moves waiting rungs to a critical SLA shortened while the worker was down, when it starts again', async () => {
    const waiting = await newMention(FLOOD);
    await waitFor('the first escalation rung', async () => (await deskQueue.getJob(`esc-${waiting}-1`)) ?? undefined);
    await stack.stopProcess(stack.workers[0]);

    expect((await call('PATCH', '/settings', tokens.superadmin, { slaSeconds: { critical: 2 } })).status).toBe(200);
    expect((await escalationLevel(waiting)).escalation_level).toBe(0);
    await stack.startWorker();
    await waitFor('the waiting mention to escalate after the restart', async () => ((await escalationLevel(waiting)).escalation_level >= 1 ? true : undefined));
    expect((await call('PATCH', '/settings', tokens.superadmin, { slaSeconds: { critical: null } })).status).toBe(200);
  });

  it('renders {hotline} with the hotline set at run time, and the default after a reset', async () => {
    const template = await call<ReplyTemplateView>('POST', '/templates', tokens.supervisor, {
      title: `Hotline ${run}`,
      body: 'Darurat: {hotline}.',
      category: 'umum',
      scope: 'all',
    });
    expect(template.status).toBe(201);
    const id = await newMention(SAMPAH);
    const render = async () =>
      (await call<RenderTemplateResult>('POST', `/templates/${template.body.id}/render`, tokens.admin, { mentionId: id })).body.text;
    expect(await render()).toBe('Darurat: 112.');

    expect((await call('PATCH', '/settings', tokens.superadmin, { hotlines: { DINKES: '119', DLH: '022-7208-112' } })).status).toBe(200);
    expect(await render()).toBe('Darurat: 022-7208-112.');
    expect((await settings()).entries.hotlines).toMatchObject({ value: { DINKES: '119', DLH: '022-7208-112' }, default: { DINKES: '119' }, changed: true });

    expect((await call('PATCH', '/settings', tokens.superadmin, { hotlines: null, defaultHotline: '(022) 110' })).status).toBe(200);
    expect(await render()).toBe('Darurat: (022) 110.');
    expect((await call('PATCH', '/settings', tokens.superadmin, { defaultHotline: null })).status).toBe(200);
    expect(await render()).toBe('Darurat: 112.');
  });

  it('answers 429 sooner once the sign-in limit is tightened, and as before after a reset', async () => {
    const tight = `tight-${run}@sigap.test`;
    await createUser(stack, { email: tight, password, role: 'admin', opds: ['DLH'] });
    expect((await call('PATCH', '/settings', tokens.superadmin, { login: { maxFailures: 2 } })).status).toBe(200);
    expect(await loginStatus(tight, 'wrong-password-1')).toBe(401);
    expect(await loginStatus(tight, 'wrong-password-1')).toBe(401);
    expect(await loginStatus(tight, password)).toBe(429);

    expect((await call('PATCH', '/settings', tokens.superadmin, { login: null })).status).toBe(200);
    expect((await settings()).login.maxFailures).toBe(5);
    expect(await loginStatus(tight, password)).toBe(200);
  });
});
