import { randomUUID } from 'node:crypto';
import type { ApiErrorBody, DeskSettingsView, MentionDeskState, OpdView, UserAccount } from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SAMPAH = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';
const OUTBOX_URL_SECRET = `tok-${randomUUID()}`;
const OUTBOX_SECRET = `outbox-secret-${randomUUID()}`;

interface AuditRow {
  actor_id: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * OPD management by the superadmin: create (409 on a duplicate code, 400 naming the field),
 * rename and deactivate, each audited; an inactive OPD stays listed but is refused as a new
 * forwarding target or user assignment. And what the desk settings show supervisors: no secret, only whether each is configured.
 */
describe('OPD management and desk settings', () => {
  let stack: Stack;
  const password = 'rahasia-sekali-123';
  const tokens = { superadmin: '', supervisor: '', admin: '' };
  let superadminId = '';
  const run = randomUUID().slice(0, 6).toUpperCase();

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T & ApiErrorBody>(stack, method, path, token, body);

  beforeAll(async () => {
    stack = await startStack({
      apiEnv: {
        SIGAP_OUTBOX_WEBHOOK_URL: `https://publisher:${OUTBOX_URL_SECRET}@outbox.example.test/hook`,
        SIGAP_OUTBOX_SECRET: OUTBOX_SECRET,
        SIGAP_HOTLINES: 'DINKES=119,DISKARPB=113',
        SIGAP_SLA_CRITICAL_SECONDS: '600',
      },
    });
    await createUser(stack, { email: 'spv@sigap.test', password, role: 'supervisor' });
    await createUser(stack, { email: 'dlh@sigap.test', password, role: 'admin', opds: ['DLH'] });
    const superadmin = await login(stack, stack.admin.email, stack.admin.password);
    tokens.superadmin = superadmin.accessToken;
    superadminId = superadmin.user.id;
    tokens.supervisor = (await login(stack, 'spv@sigap.test', password)).accessToken;
    tokens.admin = (await login(stack, 'dlh@sigap.test', password)).accessToken;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const auditOf = async (code: string): Promise<AuditRow[]> =>
    (await stack.db.query<AuditRow>(`SELECT actor_id, action, before, after FROM audit_log WHERE entity_type = 'opd' AND entity_id = $1 ORDER BY id`, [code])).rows;

  it('lists the seeded OPDs as active', async () => {
    const list = await call<OpdView[]>('GET', '/reference/opds', tokens.admin);
    expect(list.status).toBe(200);
    expect(list.body.find((opd) => opd.code === 'DLH')).toMatchObject({ code: 'DLH', active: true });
    expect(list.body.every((opd) => opd.active === true)).toBe(true);
  });

  it('creates an OPD, audited, and refuses a duplicate code with 409 on code', async () => {
    const code = `DISPUSIP-${run}`;
    const created = await call<OpdView>('POST', '/reference/opds', tokens.superadmin, { code, name: '  Dinas Perpustakaan  ', kind: 'opd' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code, name: 'Dinas Perpustakaan', kind: 'opd', active: true });
    expect((await call<OpdView[]>('GET', '/reference/opds', tokens.admin)).body).toContainEqual(created.body);
    expect(await auditOf(code)).toEqual([{ actor_id: superadminId, action: 'opd.create', before: null, after: created.body }]);

    const duplicate = await call('POST', '/reference/opds', tokens.superadmin, { code, name: 'Lagi', kind: 'external' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ field: 'code', message: expect.any(String) }]);
    expect(await auditOf(code)).toHaveLength(1);
  });

  it('names the field of an invalid OPD', async () => {
    const badCode = await call('POST', '/reference/opds', tokens.superadmin, { code: 'dinas kecil', name: 'Dinas', kind: 'opd' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.details).toEqual([{ field: 'code', message: expect.any(String) }]);
    const badKind = await call('POST', '/reference/opds', tokens.superadmin, { code: `X-${run}`, name: 'Dinas', kind: 'kementerian' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details).toEqual([{ field: 'kind', message: expect.stringContaining('kecamatan') }]);
    const blankName = await call('POST', '/reference/opds', tokens.superadmin, { code: `X-${run}`, name: ' ', kind: 'opd' });
    expect(blankName.status).toBe(400);
    expect(blankName.body.details).toEqual([{ field: 'name', message: expect.any(String) }]);
    const badRename = await call('PATCH', '/reference/opds/DLH', tokens.superadmin, { name: 'x' });
    expect(badRename.status).toBe(400);
    expect(badRename.body.details).toEqual([{ field: 'name', message: expect.any(String) }]);
    expect((await call('PATCH', '/reference/opds/NOPE-NOPE', tokens.superadmin, { name: 'Tidak ada' })).status).toBe(404);
    const { rows } = await stack.db.query(`SELECT 1 FROM opds WHERE code = $1`, [`X-${run}`]);
    expect(rows).toHaveLength(0);
  });

  it('renames and deactivates an OPD, auditing before and after', async () => {
    const code = `RENAME-${run}`;
    expect((await call('POST', '/reference/opds', tokens.superadmin, { code, name: 'Nama Lama', kind: 'kecamatan' })).status).toBe(201);
    const renamed = await call<OpdView>('PATCH', `/reference/opds/${code}`, tokens.superadmin, { name: 'Nama Baru' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ code, name: 'Nama Baru', kind: 'kecamatan', active: true });
    const deactivated = await call<OpdView>('PATCH', `/reference/opds/${code}`, tokens.superadmin, { active: false });
    expect(deactivated.body).toEqual({ code, name: 'Nama Baru', kind: 'kecamatan', active: false });
    // Inactive OPDs stay listed, for history.
    expect((await call<OpdView[]>('GET', '/reference/opds', tokens.admin)).body).toContainEqual(deactivated.body);

    const audit = (await auditOf(code)).filter((row) => row.action === 'opd.update');
    expect(audit).toEqual([
      { actor_id: superadminId, action: 'opd.update', before: { code, name: 'Nama Lama', kind: 'kecamatan', active: true }, after: renamed.body },
      { actor_id: superadminId, action: 'opd.update', before: renamed.body, after: deactivated.body },
    ]);
  });

  it('refuses an inactive OPD as a forwarding target and as a new user assignment', async () => {
    const code = `RETIRED-${run}`;
    expect((await call('POST', '/reference/opds', tokens.superadmin, { code, name: 'Dinas Lama', kind: 'opd' })).status).toBe(201);
    expect((await call('PATCH', `/reference/opds/${code}`, tokens.superadmin, { active: false })).status).toBe(200);

    const externalId = `opds-${run}`;
    expect((await postMentions(stack, mention(externalId, SAMPAH))).status).toBe(202);
    const { id } = await waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0];
    });
    expect((await call('POST', `/mentions/${id}/claim`, tokens.supervisor)).status).toBe(200);
    const forward = await call<MentionDeskState>('POST', `/mentions/${id}/status`, tokens.supervisor, { status: 'bukan_wewenang', reason: 'bukan urusan DLH', forwardTo: code });
    expect(forward.status).toBe(400);
    expect(forward.body.details).toEqual([{ field: 'forwardTo', message: expect.stringContaining('inactive') }]);
    const { rows: forwards } = await stack.db.query('SELECT 1 FROM mention_forwards WHERE mention_id = $1', [id]);
    expect(forwards).toHaveLength(0);

    const newUser = await call<UserAccount>('POST', '/users', tokens.superadmin, { email: `retired-${run}@sigap.test`.toLowerCase(), name: 'Petugas', password, role: 'admin', opds: [code] });
    expect(newUser.status).toBe(400);
    expect(newUser.body.details).toEqual([{ field: 'opds', message: expect.stringContaining(code) }]);

    // Someone who already belonged to it keeps it (history); only new assignments are refused.
    const member = await call<UserAccount>('POST', '/users', tokens.superadmin, { email: `member-${run}@sigap.test`.toLowerCase(), name: 'Anggota', password, role: 'admin', opds: ['DLH'] });
    expect(member.status).toBe(201);
    const assign = await call('PATCH', `/users/${member.body.id}`, tokens.superadmin, { opds: ['DLH', code] });
    expect(assign.status).toBe(400);
    expect(assign.body.details).toEqual([{ field: 'opds', message: expect.stringContaining(code) }]);

    // Reactivated, it is a target again.
    expect((await call('PATCH', `/reference/opds/${code}`, tokens.superadmin, { active: true })).status).toBe(200);
    expect((await call('PATCH', `/users/${member.body.id}`, tokens.superadmin, { opds: ['DLH', code] })).status).toBe(200);
    await call('PATCH', `/reference/opds/${code}`, tokens.superadmin, { active: false });
    expect((await call('PATCH', `/users/${member.body.id}`, tokens.superadmin, { opds: ['DLH', code], name: 'Anggota Lama' })).status).toBe(200);
    const forwarded = await call<MentionDeskState>('POST', `/mentions/${id}/status`, tokens.supervisor, { status: 'bukan_wewenang', reason: 'urusan dinas', forwardTo: 'DISHUB' });
    expect(forwarded.status).toBe(200);
  });

  it('refuses an inactive OPD for new reply templates and rota shifts, and keeps templates that already had it', async () => {
    const code = `CLOSED-${run}`;
    expect((await call('POST', '/reference/opds', tokens.superadmin, { code, name: 'Dinas Tutup', kind: 'opd' })).status).toBe(201);
    const template = { title: 'Info layanan', body: 'Halo {nama}, hubungi {hotline}.', category: 'informasi', scope: 'opd', opdCode: code };
    const kept = await call<{ id: string }>('POST', '/templates', tokens.supervisor, template);
    expect(kept.status).toBe(201);
    const member = await call<UserAccount>('POST', '/users', tokens.superadmin, { email: `closed-${run}@sigap.test`.toLowerCase(), name: 'Petugas Tutup', password, role: 'admin', opds: [code] });
    expect(member.status).toBe(201);
    expect((await call('PATCH', `/reference/opds/${code}`, tokens.superadmin, { active: false })).status).toBe(200);

    const refusedTemplate = await call('POST', '/templates', tokens.supervisor, { ...template, title: 'Info baru' });
    expect(refusedTemplate.status).toBe(400);
    expect(refusedTemplate.body.details).toEqual([{ field: 'opdCode', message: `${code} is inactive` }]);
    // Editing a template that already belonged to the OPD still works; moving one to it does not.
    expect((await call('PATCH', `/templates/${kept.body.id}`, tokens.supervisor, { title: 'Info layanan (arsip)' })).status).toBe(200);
    const other = await call<{ id: string }>('POST', '/templates', tokens.supervisor, { ...template, opdCode: 'DLH', title: 'Info DLH' });
    const moved = await call('PATCH', `/templates/${other.body.id}`, tokens.supervisor, { opdCode: code });
    expect(moved.status).toBe(400);
    expect(moved.body.details).toEqual([{ field: 'opdCode', message: `${code} is inactive` }]);

    const hour = 3600_000;
    const shift = await call('POST', '/rota', tokens.supervisor, {
      opdCode: code,
      userId: member.body.id,
      startsAt: new Date(Date.now() + hour).toISOString(),
      endsAt: new Date(Date.now() + 9 * hour).toISOString(),
      roleInShift: 'admin',
    });
    expect(shift.status).toBe(400);
    expect(shift.body.details).toEqual([{ field: 'opdCode', message: `${code} is inactive` }]);
    const { rows } = await stack.db.query('SELECT 1 FROM rota_shifts WHERE opd_code = $1', [code]);
    expect(rows).toHaveLength(0);
  });

  it('refuses OPD writes to admins and supervisors', async () => {
    for (const token of [tokens.admin, tokens.supervisor]) {
      expect((await call('POST', '/reference/opds', token, { code: `NO-${run}`, name: 'Tidak Boleh', kind: 'opd' })).status).toBe(403);
      expect((await call('PATCH', '/reference/opds/DLH', token, { active: false })).status).toBe(403);
    }
    const { rows } = await stack.db.query<{ active: boolean }>(`SELECT active FROM opds WHERE code = 'DLH'`);
    expect(rows[0].active).toBe(true);
  });

  it('shows the desk settings in effect to supervisors, without any secret', async () => {
    const settings = await call<DeskSettingsView>('GET', '/settings', tokens.supervisor);
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({
      slaSeconds: { critical: 600, high: 3600, normal: 4 * 3600, low: 24 * 3600 },
      claimIdleSeconds: expect.any(Number),
      presenceTtlSeconds: expect.any(Number),
      outboxWebhookConfigured: true,
      outboxSigned: true,
      notifyWebhookConfigured: false,
      hotlines: { DINKES: '119', DISKARPB: '113' },
      defaultHotline: '112',
      login: { maxFailures: expect.any(Number), maxFailuresPerIp: expect.any(Number), windowSeconds: expect.any(Number) },
    });
    expect(settings.body.environmentVariables['slaSeconds.critical']).toBe('SIGAP_SLA_CRITICAL_SECONDS');
    const raw = JSON.stringify(settings.body);
    expect(raw).not.toContain(OUTBOX_URL_SECRET);
    expect(raw).not.toContain(OUTBOX_SECRET);
    expect(raw).not.toContain('outbox.example.test');
    expect((await call('GET', '/settings', tokens.superadmin)).status).toBe(200);
    expect((await call('GET', '/settings', tokens.admin)).status).toBe(403);
  });
});
