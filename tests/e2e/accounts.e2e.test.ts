import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ApiErrorBody, AuditEntryView, AuditPage, Mention, MentionPage, SessionView, UserAccount } from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';
import { parse as parseCsv } from 'csv-parse/sync';

const MAX_FAILURES = 3;
const CONTACTS = 'hubungi 0812-3456-7890 atau warga@mail.com';

interface AuditRow {
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Accounts: superadmins manage users and their sessions; sign-in is rate-limited; revoked and
 * disabled sessions stop working at once (REST and socket); supervisors browse and export the
 * audit log; DPRD liaisons read mentions with personal data masked and may not act on them.
 */
describe('accounts: users, sessions, the audit browser and masked reading', () => {
  let stack: Stack;
  let superadmin: { token: string; id: string };
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  const sockets: Socket[] = [];
  const tokens: Record<'supervisor' | 'admin' | 'liaison', string> = { supervisor: '', admin: '', liaison: '' };

  const call = <T>(method: string, path: string, token: string | null, body?: unknown) => apiCall<T>(stack, method, path, token, body);
  const auditOf = async (entityId: string): Promise<AuditRow[]> =>
    (await stack.db.query<AuditRow>('SELECT * FROM audit_log WHERE entity_id = $1 ORDER BY id', [entityId])).rows;
  const loginCall = (email: string, pw: string) => fetch(`${stack.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: pw }),
  });

  function connect(token: string): Promise<{ socket: Socket; received: Mention[] }> {
    const socket = io(`${stack.baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    const received: Mention[] = [];
    socket.on('mentions', (batch: Mention[]) => received.push(...batch));
    return new Promise((resolve, reject) => {
      socket.once('hello', () => resolve({ socket, received }));
      socket.once('connect_error', reject);
    });
  }

  function refusedHandshake(token: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = io(`${stack.baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      socket.once('connect_error', (err) => {
        socket.close();
        resolve(err.message);
      });
      socket.once('hello', () => {
        socket.close();
        reject(new Error('the handshake was accepted'));
      });
    });
  }

  const newUser = async (role: 'admin' | 'supervisor' | 'liaison', opds: string[] = []) => {
    const email = `${role}-${randomUUID().slice(0, 8)}@sigap.test`;
    const created = await call<UserAccount>('POST', '/users', superadmin.token, { email, name: `User ${email}`, password, role, opds });
    expect(created.status).toBe(201);
    return { id: created.body.id, email };
  };

  beforeAll(async () => {
    stack = await startStack({ apiEnv: { SIGAP_LOGIN_MAX_FAILURES: String(MAX_FAILURES), SIGAP_LOGIN_WINDOW_SECONDS: '600' } });
    const session = await login(stack, stack.admin.email, stack.admin.password);
    superadmin = { token: session.accessToken, id: session.user.id };
    await createUser(stack, { email: 'spv@sigap.test', password, role: 'supervisor', name: 'Supervisor Satu' });
    await createUser(stack, { email: 'dlh@sigap.test', password, role: 'admin', opds: ['DLH'] });
    await createUser(stack, { email: 'dprd@sigap.test', password, role: 'liaison' });
    tokens.supervisor = (await login(stack, 'spv@sigap.test', password)).accessToken;
    tokens.admin = (await login(stack, 'dlh@sigap.test', password)).accessToken;
    tokens.liaison = (await login(stack, 'dprd@sigap.test', password)).accessToken;
  }, 120_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await stack?.stop();
  });

  describe('user management', () => {
    it('creates a user with OPDs and desk settings, lists it, and the user signs in', async () => {
      const email = `Rina.${run}@Bandung.go.id`;
      const created = await call<UserAccount>('POST', '/users', superadmin.token, {
        email,
        name: 'Rina DLH',
        password,
        role: 'admin',
        opds: ['DLH', 'DISHUB'],
        trainee: true,
        capacity: 4,
        telegramChatId: '12345',
        whatsappNumber: '+6281200000001',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        email: email.toLowerCase(),
        name: 'Rina DLH',
        role: 'admin',
        opds: ['DISHUB', 'DLH'],
        disabled: false,
        trainee: true,
        capacity: 4,
        telegramChatId: '12345',
        whatsappNumber: '+6281200000001',
        lastLoginAt: null,
      });
      expect(JSON.stringify(created.body)).not.toMatch(/password|argon/i);

      const signedIn = await login(stack, email, password);
      expect(signedIn.user).toMatchObject({ id: created.body.id, role: 'admin', opds: ['DISHUB', 'DLH'] });
      const list = await call<UserAccount[]>('GET', '/users', superadmin.token);
      expect(list.status).toBe(200);
      const listed = list.body.find((user) => user.id === created.body.id);
      expect(listed?.lastLoginAt).not.toBeNull();
      expect(list.body.find((user) => user.id === superadmin.id)?.role).toBe('superadmin');

      const audit = await auditOf(created.body.id);
      const create = audit.find((row) => row.action === 'user.create');
      expect(create).toMatchObject({ actor_id: superadmin.id, entity_type: 'user' });
      expect(create?.after).toMatchObject({ email: email.toLowerCase(), role: 'admin', opds: ['DISHUB', 'DLH'], trainee: true });
      expect(JSON.stringify(audit)).not.toContain(password);
      expect(JSON.stringify(audit)).not.toMatch(/argon2|passwordHash|password_hash/);
    });

    it('names the field that is wrong: unknown OPD, weak password, duplicate e-mail, unknown field', async () => {
      const base = { email: `x-${run}@sigap.test`, name: 'X', password, role: 'admin', opds: ['DLH'] };
      const unknownOpd = await call<ApiErrorBody>('POST', '/users', superadmin.token, { ...base, opds: ['DLH', 'NOPE'] });
      expect(unknownOpd.status).toBe(400);
      expect(unknownOpd.body.details).toEqual([{ field: 'opds', message: expect.stringContaining('NOPE') }]);
      const weak = await call<ApiErrorBody>('POST', '/users', superadmin.token, { ...base, password: 'short123' });
      expect(weak.status).toBe(400);
      expect(weak.body.details).toEqual([{ field: 'password', message: expect.stringContaining('10') }]);
      const badRole = await call<ApiErrorBody>('POST', '/users', superadmin.token, { ...base, role: 'god' });
      expect(badRole.status).toBe(400);
      expect(badRole.body.message).toMatch(/role/);
      const extra = await call<ApiErrorBody>('POST', '/users', superadmin.token, { ...base, passwordHash: 'x' });
      expect(extra.status).toBe(400);
      expect((await call('POST', '/users', superadmin.token, base)).status).toBe(201);
      const duplicate = await call<ApiErrorBody>('POST', '/users', superadmin.token, { ...base, email: base.email.toUpperCase() });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.details).toEqual([{ field: 'email', message: expect.any(String) }]);
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)`, [base.email]);
      expect(rows[0].n).toBe(1);
    });

    it('updates role, OPDs and contacts and audits before → after without the password', async () => {
      const user = await newUser('admin', ['DLH']);
      const newPassword = 'kata-sandi-baru-456';
      const updated = await call<UserAccount>('PATCH', `/users/${user.id}`, superadmin.token, {
        role: 'supervisor',
        opds: ['DISHUB'],
        capacity: 7,
        whatsappNumber: null,
        password: newPassword,
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ role: 'supervisor', opds: ['DISHUB'], capacity: 7, whatsappNumber: null });
      await expect(login(stack, user.email, password)).rejects.toThrow(/401/);
      expect((await login(stack, user.email, newPassword)).user.role).toBe('supervisor');

      const update = (await auditOf(user.id)).find((row) => row.action === 'user.update');
      expect(update?.before).toMatchObject({ role: 'admin', opds: ['DLH'] });
      expect(update?.after).toMatchObject({ role: 'supervisor', opds: ['DISHUB'], capacity: 7, passwordReset: true });
      expect(JSON.stringify(update)).not.toContain(newPassword);
      expect(JSON.stringify(update)).not.toMatch(/argon2|"password"/);

      expect((await call<ApiErrorBody>('PATCH', `/users/${user.id}`, superadmin.token, { opds: ['NOPE'] })).body.details).toEqual([
        { field: 'opds', message: expect.stringContaining('NOPE') },
      ]);
      expect((await call('PATCH', `/users/${randomUUID()}`, superadmin.token, { name: 'Nobody' })).status).toBe(404);
    });

    it('does not let a superadmin disable or demote themself', async () => {
      const disable = await call<ApiErrorBody>('PATCH', `/users/${superadmin.id}`, superadmin.token, { disabled: true });
      expect(disable.status).toBe(400);
      expect(disable.body.details).toEqual([{ field: 'disabled', message: expect.any(String) }]);
      const demote = await call<ApiErrorBody>('PATCH', `/users/${superadmin.id}`, superadmin.token, { role: 'admin' });
      expect(demote.status).toBe(400);
      expect(demote.body.details).toEqual([{ field: 'role', message: expect.any(String) }]);
      expect((await call('GET', '/auth/me', superadmin.token)).status).toBe(200);
    });

    it('keeps user management to superadmins', async () => {
      for (const token of Object.values(tokens)) {
        expect((await call('GET', '/users', token)).status).toBe(403);
        expect((await call('POST', '/users', token, { email: `y-${run}@sigap.test`, name: 'Y', password, role: 'admin', opds: [] })).status).toBe(403);
      }
      expect((await call('GET', '/users', null)).status).toBe(401);
    });
  });

  describe('sign-in throttle', () => {
    it(`answers 429 with Retry-After after ${MAX_FAILURES} failures for one e-mail, even with the right password`, async () => {
      const user = await newUser('admin', ['DLH']);
      for (let i = 0; i < MAX_FAILURES; i++) expect((await loginCall(user.email, 'wrong-password-1')).status).toBe(401);
      const blocked = await loginCall(user.email, password);
      expect(blocked.status).toBe(429);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(600);
      const body = (await blocked.json()) as ApiErrorBody;
      expect(body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      expect(body.message).toMatch(/try again in \d+ seconds/);
      // Another account from the same address is not blocked by it.
      const other = await newUser('admin', ['DLH']);
      expect((await loginCall(other.email, password)).status).toBe(200);
      const failures = await stack.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login.failed' AND entity_id = $1`, [user.id]);
      expect(failures.rows[0].n).toBe(MAX_FAILURES);
    });

    it('clears the count of an e-mail after a successful sign-in', async () => {
      const user = await newUser('admin', ['DLH']);
      for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await loginCall(user.email, 'wrong-password-1')).status).toBe(401);
      expect((await loginCall(user.email, password)).status).toBe(200);
      for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await loginCall(user.email, 'wrong-password-1')).status).toBe(401);
      expect((await loginCall(user.email, password)).status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('logout ends the session: its token gets 401, other sessions keep working', async () => {
      const user = await newUser('admin', ['DLH']);
      const first = await login(stack, user.email, password);
      const second = await login(stack, user.email, password);
      expect((await call('POST', '/auth/logout', first.accessToken)).status).toBe(204);
      expect((await call('GET', '/auth/me', first.accessToken)).status).toBe(401);
      expect(await refusedHandshake(first.accessToken)).toMatch(/unauthorized/);
      expect((await call('GET', '/auth/me', second.accessToken)).status).toBe(200);
      const audit = (await stack.db.query<AuditRow>(`SELECT * FROM audit_log WHERE action = 'auth.logout' AND actor_id = $1`, [user.id])).rows;
      expect(audit).toHaveLength(1);
      expect((await call('POST', '/auth/logout', null)).status).toBe(401);
    });

    it('lists and revokes all sessions of a user; revoked tokens get 401 and live sockets are closed', async () => {
      const user = await newUser('admin', ['DLH']);
      const session = await login(stack, user.email, password);
      const live = await connect(session.accessToken);
      const disconnected = new Promise<string>((resolve) => live.socket.once('disconnect', resolve));

      const listed = await call<SessionView[]>('GET', `/users/${user.id}/sessions`, superadmin.token);
      expect(listed.status).toBe(200);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).toMatchObject({ active: true, revokedAt: null, ip: expect.any(String) });

      const revoked = await call<{ revoked: number }>('POST', `/users/${user.id}/sessions/revoke`, superadmin.token);
      expect(revoked).toMatchObject({ status: 200, body: { revoked: 1 } });
      expect((await call('GET', '/auth/me', session.accessToken)).status).toBe(401);
      expect(await disconnected).toBe('io server disconnect');
      expect((await call<SessionView[]>('GET', `/users/${user.id}/sessions`, superadmin.token)).body[0]).toMatchObject({ active: false, revokedAt: expect.any(String) });
      const audit = (await auditOf(user.id)).filter((row) => row.action === 'session.revoke');
      expect(audit).toHaveLength(1);
      expect(audit[0].after).toMatchObject({ sessionIds: [listed.body[0].id] });
      // Signing in again works.
      expect((await call('GET', '/auth/me', (await login(stack, user.email, password)).accessToken)).status).toBe(200);
    });

    it('disabling a user ends their sessions and sockets and refuses new ones', async () => {
      const user = await newUser('supervisor');
      const session = await login(stack, user.email, password);
      const live = await connect(session.accessToken);
      const disconnected = new Promise<string>((resolve) => live.socket.once('disconnect', resolve));
      expect((await call('PATCH', `/users/${user.id}`, superadmin.token, { disabled: true })).status).toBe(200);
      expect(await disconnected).toBe('io server disconnect');
      expect((await call('GET', '/auth/me', session.accessToken)).status).toBe(401);
      expect(await refusedHandshake(session.accessToken)).toMatch(/unauthorized/);
      expect((await loginCall(user.email, password)).status).toBe(401);
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
      expect(rows[0].n).toBe(0);
      // Enabled again, the user signs in with a new session.
      expect((await call('PATCH', `/users/${user.id}`, superadmin.token, { disabled: false })).status).toBe(200);
      expect((await loginCall(user.email, password)).status).toBe(200);
    });

    it('refuses a token signed without a session', async () => {
      const { JwtService } = await import('@nestjs/jwt');
      const forged = new JwtService({ secret: stack.env.JWT_SECRET }).sign({ sub: superadmin.id, role: 'superadmin', opds: [] }, { expiresIn: 600 });
      expect((await call('GET', '/auth/me', forged)).status).toBe(401);
    });
  });

  describe('audit browser', () => {
    it('filters by action, entity and actor, pages newest first without gaps, and honours the time range', async () => {
      const user = await newUser('admin', ['DLH']);
      for (const name of ['Satu', 'Dua', 'Tiga', 'Empat']) {
        expect((await call('PATCH', `/users/${user.id}`, superadmin.token, { name })).status).toBe(200);
      }
      const query = `entityType=user&entityId=${user.id}&action=user.`;
      const all = await call<AuditPage>('GET', `/audit?${query}`, tokens.supervisor);
      expect(all.status).toBe(200);
      expect(all.body.items.map((item) => item.action)).toEqual(['user.update', 'user.update', 'user.update', 'user.update', 'user.create']);
      expect(all.body.items[0]).toMatchObject({ actorId: superadmin.id, actorName: 'Superadmin', actorRole: 'superadmin', after: { name: 'Empat' } });
      expect(all.body.nextCursor).toBeNull();

      const paged: AuditEntryView[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: AuditPage } = await call<AuditPage>('GET', `/audit?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, tokens.supervisor);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged.map((item) => item.id)).toEqual(all.body.items.map((item) => item.id));

      const byActor = await call<AuditPage>('GET', `/audit?actorId=${superadmin.id}&action=user.create&limit=500`, tokens.supervisor);
      expect(byActor.body.items.length).toBeGreaterThan(0);
      expect(byActor.body.items.every((item) => item.actorId === superadmin.id && item.action === 'user.create')).toBe(true);

      const future = new Date(Date.now() + 3_600_000).toISOString();
      expect((await call<AuditPage>('GET', `/audit?${query}&from=${encodeURIComponent(future)}`, tokens.supervisor)).body.items).toEqual([]);
      const middle = all.body.items[2].at;
      const before = await call<AuditPage>('GET', `/audit?${query}&to=${encodeURIComponent(middle)}`, tokens.supervisor);
      expect(before.body.items.every((item) => item.at < middle)).toBe(true);

      expect((await call<ApiErrorBody>('GET', '/audit?limit=501', tokens.supervisor)).status).toBe(400);
      expect((await call<ApiErrorBody>('GET', '/audit?cursor=abc', tokens.supervisor)).status).toBe(400);
      expect((await call('GET', '/audit', tokens.admin)).status).toBe(403);
      expect((await call('GET', '/audit', tokens.liaison)).status).toBe(403);
      expect((await call('GET', '/audit', superadmin.token)).status).toBe(200);
    });

    it('exports the same rows as CSV with a header, and audits the export', async () => {
      const user = await newUser('admin', ['DLH']);
      // A name with a comma, quotes and a line break must survive the round trip.
      const tricky = 'Rina, "DLH"\nshift malam';
      expect((await call('PATCH', `/users/${user.id}`, superadmin.token, { name: tricky })).status).toBe(200);
      const query = `entityId=${user.id}`;
      const listed = await call<AuditPage>('GET', `/audit?${query}`, tokens.supervisor);

      const response = await fetch(`${stack.baseUrl}/api/v1/audit/export.csv?${query}`, { headers: { authorization: `Bearer ${tokens.supervisor}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="sigap-audit-.*\.csv"/);
      const [header, ...rows] = parseCsv(await response.text());
      expect(header).toEqual(['id', 'at', 'actor_id', 'actor_name', 'actor_role', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'request_id']);
      expect(rows.map((row) => row[0])).toEqual(listed.body.items.map((item) => item.id));
      expect(rows.map((row) => row[5])).toEqual(['user.update', 'user.create']);
      expect(JSON.parse(rows[0][9])).toMatchObject({ name: tricky });
      expect(rows[0][3]).toBe('Superadmin');

      const exports = (await stack.db.query<AuditRow>(`SELECT * FROM audit_log WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1`)).rows;
      expect(exports[0]).toMatchObject({ entity_type: 'audit_log' });
      expect(exports[0].after).toMatchObject({ filter: { entityId: user.id } });

      const exportAs = async (token: string | null) =>
        (await fetch(`${stack.baseUrl}/api/v1/audit/export.csv?action=none.`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;
      expect(await exportAs(superadmin.token)).toBe(200);
      expect(await exportAs(tokens.admin)).toBe(403);
      expect(await exportAs(tokens.liaison)).toBe(403);
      expect(await exportAs(null)).toBe(401);
    });
  });

  describe('DPRD liaisons', () => {
    it('read mentions of every OPD with personal data masked, over REST and the socket, and may not act', async () => {
      const liaisonLive = await connect(tokens.liaison);
      const supervisorLive = await connect(tokens.supervisor);
      const externalId = `accounts-${run}-wa`;
      const item = mention(externalId, `Banjir di Gedebage, ${CONTACTS}`, {
        channel: 'whatsapp',
        author: { handle: '+6281298765432', name: 'Siti Aminah' },
        url: 'https://wa.example/msg/1',
        location: { lat: -6.95, lon: 107.69 },
        raw: { from: '6281298765432@s.whatsapp.net' },
      });
      expect((await postMentions(stack, item)).status).toBe(202);

      const live = await waitFor('the masked mention on the liaison socket', async () => liaisonLive.received.find((m) => m.externalId === externalId));
      const plain = await waitFor('the mention on the supervisor socket', async () => supervisorLive.received.find((m) => m.externalId === externalId));
      expect(plain.text).toContain('0812-3456-7890');

      const detail = await call<Mention>('GET', `/mentions/${live.id}`, tokens.liaison);
      expect(detail.status).toBe(200);
      const page = await call<MentionPage>('GET', '/mentions?limit=200&channel=whatsapp', tokens.liaison);
      expect(page.status).toBe(200);
      const listed = page.body.items.find((m) => m.id === live.id);
      expect(listed).toBeDefined();

      for (const seen of [live, detail.body, listed as Mention]) {
        const json = JSON.stringify(seen);
        expect(seen.text).toContain('Banjir di Gedebage, hubungi ');
        expect(json).not.toContain('0812-3456-7890');
        expect(json).not.toContain('warga@mail.com');
        expect(json).not.toContain('81298765432');
        expect(json).not.toContain('Siti');
        expect(json).not.toContain('wa.example');
        expect(seen.location).toBeNull();
        expect(seen.url).toBeNull();
        expect(seen).not.toHaveProperty('raw');
      }
      // The supervisor still reads it whole.
      const whole = await call<Mention>('GET', `/mentions/${live.id}`, tokens.supervisor);
      expect(whole.body).toMatchObject({ text: expect.stringContaining(CONTACTS), url: 'https://wa.example/msg/1', raw: { from: '6281298765432@s.whatsapp.net' } });

      expect((await call<ApiErrorBody>('GET', `/mentions?q=${encodeURIComponent('0812-3456-7890')}`, tokens.liaison)).status).toBe(400);
      expect((await call('POST', `/mentions/${live.id}/claim`, tokens.liaison)).status).toBe(403);
      expect((await call('POST', `/mentions/${live.id}/status`, tokens.liaison, { status: 'selesai' })).status).toBe(403);
      expect((await call('POST', `/mentions/${live.id}/corrections`, tokens.liaison, { urgency: 'high' })).status).toBe(403);
    }, 60_000);
  });
});
