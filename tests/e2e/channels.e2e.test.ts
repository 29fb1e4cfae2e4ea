import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { ApiErrorBody, ChannelKeyView, ChannelView, CreatedChannelKey, IngestResponse } from '@sigap/contracts';
import { apiCall, countMentions, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const BANJIR = 'banjir sepinggang di jalan raya, mobil tidak bisa lewat';

interface AuditRow {
  actor_id: string | null;
  action: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Channels the superadmin manages: ingest keys per channel (shown once, stored as a hash, limited
 * to their channel per item, refused at once when revoked, in every API process), channels
 * switched off (their items rejected and never stored, the rest of the batch accepted), the
 * deployment key as before, field-level 400s, and audit rows that never hold a key.
 */
describe('channels and their ingest keys', () => {
  let stack: Stack;
  const password = 'rahasia-sekali-123';
  const tokens = { superadmin: '', supervisor: '', admin: '' };
  let superadminId = '';
  const run = randomUUID().slice(0, 8);
  const createdKeys: string[] = [];

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T & ApiErrorBody>(stack, method, path, token, body);
  const ingest = async (body: unknown, key: string) => {
    const response = await postMentions(stack, body, key);
    return { status: response.status, body: (await response.json()) as IngestResponse & ApiErrorBody };
  };
  const channel = async (code: string): Promise<ChannelView> => {
    const list = await call<ChannelView[]>('GET', '/channels', tokens.superadmin);
    const found = list.body.find((c) => c.code === code);
    if (!found) throw new Error(`no channel ${code}`);
    return found;
  };
  const createKey = async (code: string, name: string): Promise<CreatedChannelKey> => {
    const created = await call<CreatedChannelKey>('POST', `/channels/${code}/keys`, tokens.superadmin, { name });
    expect(created.status).toBe(201);
    createdKeys.push(created.body.key);
    return created.body;
  };
  const stored = (externalId: string) =>
    waitFor(`mention ${externalId} stored`, async () => ((await countMentions(stack, externalId)) === 1 ? true : undefined));

  beforeAll(async () => {
    stack = await startStack();
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

  it('lists every platform as an enabled channel, to supervisors too, and to no admin', async () => {
    const list = await call<ChannelView[]>('GET', '/channels', tokens.supervisor);
    expect(list.status).toBe(200);
    expect(list.body.map((c) => c.code)).toEqual(['x', 'instagram', 'facebook', 'tiktok', 'youtube', 'whatsapp', 'telegram', 'web', 'lapor', 'email']);
    expect(list.body[0]).toEqual({
      code: 'x',
      label: 'X (Twitter)',
      account: null,
      enabled: true,
      updatedAt: expect.any(String),
      keys: [],
      stats: { received24h: 0, lastReceivedAt: null },
    });
    expect((await call('GET', '/channels', tokens.admin)).status).toBe(403);
  });

  it('creates a key shown once, which sends its own channel and is refused per item for another', async () => {
    const created = await createKey('instagram', '  Konektor Instagram  ');
    expect(created.key).toMatch(/^sgp_instagram_[A-Za-z0-9_-]{43}$/);
    expect(created.view).toEqual({
      id: expect.any(String),
      name: 'Konektor Instagram',
      prefix: created.key.slice(0, 'sgp_instagram_'.length + 6),
      createdAt: expect.any(String),
      createdBy: superadminId,
      lastUsedAt: null,
      revokedAt: null,
    });
    const { rows } = await stack.db.query<{ key_hash: string }>('SELECT key_hash FROM channel_ingest_keys WHERE id = $1', [created.view.id]);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].key_hash).not.toContain(created.key);

    const ig = `ig-${run}`;
    const x = `x-by-ig-${run}`;
    const answer = await ingest({ items: [mention(ig, BANJIR, { channel: 'instagram' }), mention(x, BANJIR, { channel: 'x' })] }, created.key);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ accepted: 1, duplicates: 0, rejected: 1 });
    expect(answer.body.items[0]).toEqual({ index: 0, id: expect.any(String) });
    expect(answer.body.items[1]).toEqual({ index: 1, error: [{ field: 'channel', message: 'this key may only send instagram' }] });
    await stored(ig);
    // Both items were answered in one request, so the stored one proves the other was never queued.
    expect(await countMentions(stack, x)).toBe(0);

    const seen = await waitFor('the key to show it was used', async () => {
      const view = await channel('instagram');
      return view.keys[0]?.lastUsedAt ? view : undefined;
    });
    expect(seen.keys).toEqual([{ ...created.view, lastUsedAt: expect.any(String) }]);
    expect(seen.stats.received24h).toBe(1);
    expect(seen.stats.lastReceivedAt).not.toBeNull();
    const listed = JSON.stringify((await call('GET', '/channels', tokens.supervisor)).body);
    expect(listed).not.toContain(created.key);
    expect(listed).not.toContain(rows[0].key_hash);
  });

  it('refuses a revoked key with 401 right away; revoking again changes nothing; an unknown key is 404', async () => {
    const created = await createKey('web', 'Formulir web');
    expect((await ingest(mention(`web-${run}`, BANJIR, { channel: 'web' }), created.key)).status).toBe(202);

    const revoked = await call<ChannelKeyView>('DELETE', `/channels/web/keys/${created.view.id}`, tokens.superadmin);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.view.id, revokedAt: expect.any(String) });
    const refused = await ingest(mention(`web-after-${run}`, BANJIR, { channel: 'web' }), created.key);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('INVALID_API_KEY');

    const again = await call<ChannelKeyView>('DELETE', `/channels/web/keys/${created.view.id}`, tokens.superadmin);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const { rows } = await stack.db.query(`SELECT 1 FROM audit_log WHERE action = 'channel.key.revoke' AND after->>'id' = $1`, [created.view.id]);
    expect(rows).toHaveLength(1);

    expect((await call('DELETE', `/channels/web/keys/${randomUUID()}`, tokens.superadmin)).status).toBe(404);
    expect((await call('DELETE', `/channels/web/keys/not-a-uuid`, tokens.superadmin)).status).toBe(404);
    // A key is revoked through its own channel only.
    const other = await createKey('email', 'Kotak surat');
    expect((await call('DELETE', `/channels/web/keys/${other.view.id}`, tokens.superadmin)).status).toBe(404);
    expect((await call('POST', '/channels/friendster/keys', tokens.superadmin, { name: 'x' })).status).toBe(404);
    expect((await ingest(mention(`email-${run}`, BANJIR, { channel: 'email' }), other.key)).status).toBe(202);
  });

  it('drops a key revoked by another API process as soon as it announces the change on Redis', async () => {
    const created = await createKey('telegram', 'Bot Telegram');
    expect((await ingest(mention(`tg-${run}`, BANJIR, { channel: 'telegram' }), created.key)).status).toBe(202);
    // What another API process does: commit, then publish.
    await stack.db.query(`UPDATE channel_ingest_keys SET revoked_at = now() WHERE id = $1`, [created.view.id]);
    const redis = new Redis(stack.env.REDIS_URL as string);
    try {
      await redis.publish(`${stack.prefix}:channels:changed`, 'test');
    } finally {
      redis.disconnect();
    }
    // Requests in flight before the reload may still pass; then the key is refused. The bound only
    // tells the announcement apart from the 30 s safety poll, it measures no speed.
    let attempt = 0;
    await waitFor(
      'the revoked key to be refused',
      async () => ((await ingest(mention(`tg-after-${run}-${attempt++}`, BANJIR, { channel: 'telegram' }), created.key)).status === 401 ? true : undefined),
      15_000,
    );
  });

  it('rejects the items of a disabled channel and never stores them, while the rest of the batch goes through', async () => {
    const disabled = await call<ChannelView>('PATCH', '/channels/tiktok', tokens.superadmin, { enabled: false });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ code: 'tiktok', enabled: false });

    const tiktok = `tt-${run}`;
    const x = `x-${run}`;
    const answer = await ingest({ items: [mention(tiktok, BANJIR, { channel: 'tiktok' }), mention(x, BANJIR)] }, stack.ingestKey);
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(answer.body.items[0]).toEqual({ index: 0, error: [{ field: 'channel', message: 'tiktok is disabled' }] });
    await stored(x);
    expect(await countMentions(stack, tiktok)).toBe(0);

    const key = await createKey('tiktok', 'Konektor TikTok');
    const byKey = await ingest(mention(`tt-key-${run}`, BANJIR, { channel: 'tiktok' }), key.key);
    expect(byKey.status).toBe(202);
    expect(byKey.body.items[0].error).toEqual([{ field: 'channel', message: 'tiktok is disabled' }]);

    expect((await call('PATCH', '/channels/tiktok', tokens.superadmin, { enabled: true })).status).toBe(200);
    const retried = await ingest(mention(tiktok, BANJIR, { channel: 'tiktok' }), stack.ingestKey);
    expect(retried.body).toMatchObject({ accepted: 1, rejected: 0 });
    await stored(tiktok);
  });

  it('still takes the deployment key on every channel', async () => {
    const items = (['x', 'facebook', 'lapor'] as const).map((code) => mention(`dep-${code}-${run}`, BANJIR, { channel: code }));
    const answer = await ingest({ items }, stack.ingestKey);
    expect(answer.body).toMatchObject({ accepted: 3, rejected: 0 });
    for (const item of items) await stored(item.externalId);
    expect((await ingest(mention(`wrong-${run}`, BANJIR), `${stack.ingestKey}-salah`)).status).toBe(401);
  });

  it('edits label and account, naming each bad field, and audits before and after', async () => {
    const updated = await call<ChannelView>('PATCH', '/channels/x', tokens.superadmin, { label: '  X Humas  ', account: ' @humasbdg ' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ code: 'x', label: 'X Humas', account: '@humasbdg', enabled: true });
    const cleared = await call<ChannelView>('PATCH', '/channels/x', tokens.superadmin, { account: '' });
    expect(cleared.body.account).toBeNull();

    const cases: [unknown, string[]][] = [
      [{ label: '   ' }, ['label']],
      [{ label: 'x'.repeat(81) }, ['label']],
      [{ label: 42 }, ['label']],
      [{ account: 'a'.repeat(201) }, ['account']],
      [{ enabled: 'ya' }, ['enabled']],
      [{ label: '', enabled: 1 }, ['label', 'enabled']],
      [{}, ['body']],
    ];
    for (const [body, fields] of cases) {
      const refused = await call('PATCH', '/channels/x', tokens.superadmin, body);
      expect(refused.status).toBe(400);
      expect((refused.body.details as { field: string }[]).map((d) => d.field)).toEqual(fields);
    }
    expect((await call('PATCH', '/channels/x', tokens.superadmin, { colour: 'blue' })).status).toBe(400);
    expect((await call('POST', '/channels/x/keys', tokens.superadmin, { name: ' ' })).body.details).toEqual([{ field: 'name', message: expect.any(String) }]);
    expect((await call('PATCH', '/channels/friendster', tokens.superadmin, { label: 'Friendster' })).status).toBe(404);
    expect((await call('PATCH', '/channels/x', tokens.supervisor, { enabled: false })).status).toBe(403);
    expect((await call('POST', '/channels/x/keys', tokens.supervisor, { name: 'Tidak boleh' })).status).toBe(403);

    const { rows } = await stack.db.query<AuditRow>(
      `SELECT actor_id, action, entity_id, before, after FROM audit_log WHERE action = 'channel.update' AND entity_id = 'x' ORDER BY id`,
    );
    expect(rows).toEqual([
      { actor_id: superadminId, action: 'channel.update', entity_id: 'x', before: { label: 'X (Twitter)', account: null, enabled: true }, after: { label: 'X Humas', account: '@humasbdg', enabled: true } },
      { actor_id: superadminId, action: 'channel.update', entity_id: 'x', before: { label: 'X Humas', account: '@humasbdg', enabled: true }, after: { label: 'X Humas', account: null, enabled: true } },
    ]);
  });

  it('audits key creation and revocation without the key or its hash', async () => {
    const { rows } = await stack.db.query<AuditRow>(`SELECT actor_id, action, entity_id, before, after FROM audit_log WHERE entity_type = 'channel' ORDER BY id`);
    expect(rows.filter((row) => row.action === 'channel.key.create').map((row) => row.entity_id)).toEqual(['instagram', 'web', 'email', 'telegram', 'tiktok']);
    expect(rows.filter((row) => row.action === 'channel.key.create')[0].after).toEqual({ id: expect.any(String), name: 'Konektor Instagram', prefix: expect.stringMatching(/^sgp_instagram_/) });
    const hashes = (await stack.db.query<{ key_hash: string }>('SELECT key_hash FROM channel_ingest_keys')).rows.map((row) => row.key_hash);
    expect(createdKeys).toHaveLength(5);
    const everything = JSON.stringify((await stack.db.query('SELECT * FROM audit_log')).rows);
    for (const secret of [...createdKeys, ...hashes]) expect(everything).not.toContain(secret);
  });
});
