import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  ClassifyResponse,
  MentionTags,
  RuleSetDocument,
  RuleSetDraftView,
  RuleSetTrialResult,
  RuleSetVersionDetail,
  RuleSetVersionSummary,
  Urgency,
} from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

interface StoredProbe {
  rule_set_version: string;
  urgency: Urgency;
  tags: MentionTags;
}

const ZORBLAX = 'zorblax';

describe('triage rule sets: versions, draft trial, publish and rollback without restarting workers', () => {
  let stack: Stack;
  const tokens: Record<'superadmin' | 'supervisor' | 'admin' | 'liaison', string> = { superadmin: '', supervisor: '', admin: '', liaison: '' };
  const run = randomUUID().slice(0, 8);
  let probes = 0;

  const call = <T>(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
    apiCall<T>(stack, method, path, token, body, headers);

  /** Ingests one mention, waits for the worker to store it and returns what it was tagged with. */
  const storeProbe = async (text: string): Promise<StoredProbe> => {
    const externalId = `probe-${run}-${++probes}`;
    expect((await postMentions(stack, mention(externalId, text))).status).toBe(202);
    return waitFor(`probe ${externalId}`, async () => {
      const { rows } = await stack.db.query<StoredProbe>(
        'SELECT rule_set_version, urgency, tags FROM mentions WHERE external_id = $1',
        [externalId],
      );
      return rows[0];
    });
  };

  const zorblaxDraft = (content: RuleSetDocument): RuleSetDocument => {
    const next = structuredClone(content) as RuleSetDocument & { signals: { phrase: string; level: Urgency }[] };
    next.signals.push({ phrase: ZORBLAX, level: 'critical' });
    const fire = next.topics.find((topic) => topic.id === 'kebakaran');
    if (!fire) throw new Error('the built-in rules have no kebakaran topic');
    fire.keywords.push({ phrase: ZORBLAX, weight: 3 });
    return next;
  };

  beforeAll(async () => {
    stack = await startStack();
    tokens.superadmin = (await login(stack, stack.admin.email, stack.admin.password)).accessToken;
    const password = 'rahasia-sekali-123';
    await createUser(stack, { email: 'spv@sigap.test', password, role: 'supervisor', name: 'Sari Supervisor' });
    await createUser(stack, { email: 'dlh@sigap.test', password, role: 'admin', opds: ['DLH'] });
    await createUser(stack, { email: 'dprd@sigap.test', password, role: 'liaison' });
    tokens.supervisor = (await login(stack, 'spv@sigap.test', password)).accessToken;
    tokens.admin = (await login(stack, 'dlh@sigap.test', password)).accessToken;
    tokens.liaison = (await login(stack, 'dprd@sigap.test', password)).accessToken;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('seeds v1 from the built-in rules and stamps it on every stored mention', async () => {
    const list = await call<RuleSetVersionSummary[]>('GET', '/triage/rule-sets', tokens.supervisor);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ version: 1, label: 'v1', status: 'published', origin: 'seed', publishedBy: null, baseVersion: null });
    const detail = await call<RuleSetVersionDetail>('GET', '/triage/rule-sets/1', tokens.supervisor);
    expect(detail.body.content.version).toBe('v1');
    expect(detail.body.content.topics.length).toBeGreaterThan(10);
    expect((await call('GET', '/triage/rule-sets/7', tokens.supervisor)).status).toBe(404);
    expect((await call('GET', '/triage/rule-sets/abc', tokens.supervisor)).status).toBe(400);

    const stored = await storeProbe('Kebakaran di Pasar Kosambi, api membesar!!');
    expect(stored.rule_set_version).toBe('v1');
    expect(stored.tags.ruleSetVersion).toBe('v1');
  });

  it('keeps the rules to supervisors and superadmins: admins and liaisons get 403', async () => {
    const draft = await call<RuleSetDraftView>('GET', '/triage/rule-sets/draft', tokens.superadmin);
    expect(draft.status).toBe(200);
    for (const role of ['admin', 'liaison'] as const) {
      const token = tokens[role];
      expect((await call('GET', '/triage/rule-sets', token)).status).toBe(403);
      expect((await call('GET', '/triage/rule-sets/1', token)).status).toBe(403);
      expect((await call('GET', '/triage/rule-sets/draft', token)).status).toBe(403);
      expect((await call('PUT', '/triage/rule-sets/draft', token, { content: draft.body.content })).status).toBe(403);
      expect((await call('DELETE', '/triage/rule-sets/draft', token)).status).toBe(403);
      expect((await call('POST', '/triage/rule-sets/draft/try', token, {})).status).toBe(403);
      expect((await call('POST', '/triage/rule-sets/draft/publish', token, { notes: 'x' })).status).toBe(403);
      expect((await call('POST', '/triage/rule-sets/1/rollback', token, {})).status).toBe(403);
    }
    expect((await call('GET', '/triage/rule-sets', null)).status).toBe(401);
    // Nothing was saved by the refused calls.
    expect((await call<RuleSetDraftView>('GET', '/triage/rule-sets/draft', tokens.supervisor)).body.saved).toBe(false);
  });

  it('refuses an invalid draft with 400, naming the path and the reason', async () => {
    const { body: draft } = await call<RuleSetDraftView>('GET', '/triage/rule-sets/draft', tokens.supervisor);
    expect(draft).toMatchObject({ saved: false, baseVersion: 1, publishedVersion: 1, changes: { added: 0, removed: 0, changed: 0 } });

    const wrongType = structuredClone(draft.content) as unknown as { topics: { keywords: { weight: unknown }[] }[] };
    wrongType.topics[0].keywords[0].weight = 'berat';
    const shape = await call<ApiErrorBody & { details: { field: string; message: string }[] }>('PUT', '/triage/rule-sets/draft', tokens.supervisor, {
      content: wrongType,
    });
    expect(shape.status).toBe(400);
    expect(shape.body.code).toBe('VALIDATION_FAILED');
    expect(shape.body.details).toContainEqual({ field: 'content.topics.0.keywords.0.weight', message: 'Expected number, received string' });
    expect(shape.body.message).toMatch(/content\.topics\.0\.keywords\.0\.weight/);

    const thresholds = structuredClone(draft.content) as RuleSetDocument & { scoring: { thresholds: { critical: number } } };
    thresholds.scoring.thresholds.critical = 10;
    const semantic = await call<{ details: { field: string; message: string }[] }>('PUT', '/triage/rule-sets/draft', tokens.supervisor, {
      content: thresholds,
    });
    expect(semantic.status).toBe(400);
    expect(semantic.body.details[0]).toMatchObject({ field: 'content.scoring.thresholds', message: expect.stringMatching(/normal < high < critical/) });

    const typo = structuredClone(draft.content);
    typo.topics[1].opd = [{ code: 'DISKARBP', confidence: 0.9 }];
    const unknownOpd = await call<{ details: { field: string; message: string }[] }>('PUT', '/triage/rule-sets/draft', tokens.supervisor, { content: typo });
    expect(unknownOpd.status).toBe(400);
    expect(unknownOpd.body.details).toEqual([{ field: 'content.topics.1.opd.0.code', message: 'unknown OPD code DISKARBP' }]);

    expect((await call('PUT', '/triage/rule-sets/draft', tokens.supervisor, { notes: 'tanpa isi' })).status).toBe(400);
    expect((await call('PUT', '/triage/rule-sets/draft', tokens.supervisor, { content: draft.content, extra: 1 })).status).toBe(400);
    expect((await call<RuleSetDraftView>('GET', '/triage/rule-sets/draft', tokens.supervisor)).body.saved).toBe(false);
    expect((await call('POST', '/triage/rule-sets/draft/try', tokens.supervisor, {})).status).toBe(404);
    expect((await call('POST', '/triage/rule-sets/draft/publish', tokens.supervisor, { notes: 'x' })).status).toBe(404);
  });

  it('saves a draft as is and discards it', async () => {
    const { body: base } = await call<RuleSetDraftView>('GET', '/triage/rule-sets/draft', tokens.supervisor);
    const saved = await call<RuleSetDraftView>('PUT', '/triage/rule-sets/draft', tokens.superadmin, { content: base.content });
    expect(saved.body).toMatchObject({ saved: true, baseVersion: 1, changes: { added: 0, removed: 0, changed: 0 } });
    expect(saved.body.content).toEqual(base.content);
    // Nothing to publish: the draft is the published rules.
    expect((await call('POST', '/triage/rule-sets/draft/publish', tokens.supervisor, { notes: 'sama saja' })).status).toBe(409);
    expect((await call('DELETE', '/triage/rule-sets/draft', tokens.supervisor)).status).toBe(204);
    expect((await call('DELETE', '/triage/rule-sets/draft', tokens.supervisor)).status).toBe(404);
    expect((await call<RuleSetDraftView>('GET', '/triage/rule-sets/draft', tokens.supervisor)).body.saved).toBe(false);
    expect((await call('GET', '/triage/rule-sets/99999999999', tokens.supervisor)).status).toBe(404);
  });

  it('tries a draft on the recent mentions and reports exactly those that would change', async () => {
    const flagged = Array.from({ length: 6 }, (_, i) => mention(`z-${run}-${i}`, `Ada ${ZORBLAX} di gang ${i} dekat rumah warga (${run})`));
    const ordinary = Array.from({ length: 10 }, (_, i) =>
      mention(`o-${run}-${i}`, i % 2 ? `Jalan berlubang di jln Buah Batu nomor ${i} (${run})` : `Sampah belum diangkut di Cicadas ${i} (${run})`),
    );
    expect((await postMentions(stack, { items: [...flagged, ...ordinary] })).status).toBe(202);
    await waitFor('16 stored mentions', async () => {
      const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE $1 OR external_id LIKE $2', [
        `z-${run}-%`,
        `o-${run}-%`,
      ]);
      return rows[0].n === 16 ? true : undefined;
    });
    const { rows: flaggedRows } = await stack.db.query<{ id: string; urgency: Urgency }>('SELECT id, urgency FROM mentions WHERE external_id LIKE $1', [
      `z-${run}-%`,
    ]);
    expect(flaggedRows.every((row) => row.urgency !== 'critical')).toBe(true);

    const { body: base } = await call<RuleSetDraftView>('GET', '/triage/rule-sets/draft', tokens.supervisor);
    const saved = await call<RuleSetDraftView>('PUT', '/triage/rule-sets/draft', tokens.supervisor, {
      content: zorblaxDraft(base.content),
      notes: 'zorblax berbahaya',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ saved: true, baseVersion: 1, publishedVersion: 1, notes: 'zorblax berbahaya', updatedBy: { name: 'Sari Supervisor' } });
    expect(saved.body.changes.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'added', section: 'signals', item: ZORBLAX }),
        expect.objectContaining({ kind: 'added', section: 'keywords', item: `kebakaran › ${ZORBLAX}` }),
      ]),
    );
    expect(saved.body.changes).toMatchObject({ added: 2, removed: 0, changed: 0 });

    const { rows: total } = await stack.db.query('SELECT count(*)::int AS n FROM mentions');
    const trial = await call<RuleSetTrialResult>('POST', '/triage/rule-sets/draft/try', tokens.supervisor, {});
    expect(trial.status).toBe(200);
    expect(trial.body).toMatchObject({ publishedVersion: 1, sampled: Math.min(500, total[0].n), changed: 6, urgencyChanged: 6, opdChanged: 6, truncated: false });
    expect(trial.body.items.map((item) => item.id).sort()).toEqual(flaggedRows.map((row) => row.id).sort());
    for (const item of trial.body.items) {
      expect(item.excerpt).toContain(ZORBLAX);
      expect(item.before.urgency).not.toBe('critical');
      expect(item.after).toMatchObject({ urgency: 'critical', opd: 'DISKARPB', topic: 'kebakaran' });
    }
    expect(trial.body.urgencyMoves.reduce((sum, move) => sum + move.count, 0)).toBe(6);

    const small = await call<RuleSetTrialResult>('POST', '/triage/rule-sets/draft/try', tokens.supervisor, { limit: 3 });
    expect(small.body.sampled).toBe(3);
    expect((await call('POST', '/triage/rule-sets/draft/try', tokens.supervisor, { limit: 0 })).status).toBe(400);
    // A trial writes nothing.
    const { rows: after } = await stack.db.query('SELECT DISTINCT rule_set_version FROM mentions');
    expect(after).toEqual([{ rule_set_version: 'v1' }]);
  });

  it('publishes: a running worker tags new mentions with the new version and rules, without a restart', async () => {
    const [worker] = stack.workers;
    const pid = worker.pid;
    expect((await call('POST', '/triage/rule-sets/draft/publish', tokens.supervisor, { notes: '   ' })).status).toBe(400);
    const published = await call<RuleSetVersionSummary>('POST', '/triage/rule-sets/draft/publish', tokens.supervisor, {
      notes: 'Tambah kata zorblax sebagai tanda bahaya',
    });
    const publishedAt = Date.now();
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      version: 2,
      label: 'v2',
      status: 'published',
      origin: 'edit',
      baseVersion: 1,
      notes: 'Tambah kata zorblax sebagai tanda bahaya',
      publishedBy: { name: 'Sari Supervisor' },
      createdBy: { name: 'Sari Supervisor' },
    });
    expect(published.body.changes).toMatchObject({ added: 2, removed: 0, changed: 0 });

    const list = await call<RuleSetVersionSummary[]>('GET', '/triage/rule-sets', tokens.supervisor);
    expect(list.body.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'archived'],
    ]);
    const draft = await call<RuleSetDraftView>('GET', '/triage/rule-sets/draft', tokens.supervisor);
    expect(draft.body).toMatchObject({ saved: false, publishedVersion: 2, baseVersion: 2 });
    expect(draft.body.content.topics.find((t) => t.id === 'kebakaran')?.keywords.some((k) => k.phrase === ZORBLAX)).toBe(true);

    // Pub/sub reaches the worker long before its 10 s poll would.
    let stored = await storeProbe(`Ada ${ZORBLAX} di dekat sekolah`);
    while (stored.rule_set_version !== 'v2' && Date.now() - publishedAt < 5000) stored = await storeProbe(`Ada ${ZORBLAX} di dekat sekolah`);
    expect(Date.now() - publishedAt).toBeLessThan(5000);
    expect(stored).toMatchObject({ rule_set_version: 'v2', urgency: 'critical' });
    expect(stored.tags.opd[0].code).toBe('DISKARPB');
    expect(worker.pid).toBe(pid);
    expect(worker.exitCode).toBeNull();

    const ordinary = await storeProbe('Jalan berlubang di jln Buah Batu udh sebulan');
    expect(ordinary).toMatchObject({ rule_set_version: 'v2', urgency: 'normal' });

    const classified = await call<ClassifyResponse>('POST', '/triage/classify', tokens.supervisor, { items: [{ id: 'a', text: `${ZORBLAX} lagi` }] });
    expect(classified.body.items[0]).toMatchObject({ id: 'a', urgency: 'critical', ruleSetVersion: 'v2' });
  });

  it('rolls back in one click: the older rules return as a new version and workers follow', async () => {
    const rolledBack = await call<RuleSetVersionSummary>('POST', '/triage/rule-sets/1/rollback', tokens.superadmin, {});
    const at = Date.now();
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body).toMatchObject({ version: 3, label: 'v3', status: 'published', origin: 'rollback', baseVersion: 1 });
    expect(rolledBack.body.changes?.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'removed', section: 'signals', item: ZORBLAX })]),
    );
    expect((await call('POST', '/triage/rule-sets/3/rollback', tokens.superadmin, {})).status).toBe(409);
    expect((await call('POST', '/triage/rule-sets/99/rollback', tokens.superadmin, {})).status).toBe(404);

    let stored = await storeProbe(`Ada ${ZORBLAX} di dekat sekolah`);
    while (stored.rule_set_version !== 'v3' && Date.now() - at < 5000) stored = await storeProbe(`Ada ${ZORBLAX} di dekat sekolah`);
    expect(stored.rule_set_version).toBe('v3');
    expect(stored.urgency).not.toBe('critical');

    const list = await call<RuleSetVersionSummary[]>('GET', '/triage/rule-sets', tokens.supervisor);
    expect(list.body.map((v) => [v.version, v.status])).toEqual([
      [3, 'published'],
      [2, 'archived'],
      [1, 'archived'],
    ]);
    const v3 = await call<RuleSetVersionDetail>('GET', '/triage/rule-sets/3', tokens.supervisor);
    const v1 = await call<RuleSetVersionDetail>('GET', '/triage/rule-sets/1', tokens.supervisor);
    expect({ ...v3.body.content, version: 'x' }).toEqual({ ...v1.body.content, version: 'x' });
  });

  it('classifies on demand with a user token or the ingest key, with the published rules', async () => {
    const items = [
      { id: 'satu', text: 'Tolong!! Warga terjebak banjir di Cipamokolan, air sudah sedada', channel: 'x', author: 'warga1' },
      { id: 'dua', text: 'lampu PJU mati di jl. Ciwastra udah 2 minggu', author: { handle: 'dinas', followers: 20000, verified: true } },
    ];
    for (const token of [tokens.supervisor, tokens.admin, tokens.superadmin]) {
      const response = await call<ClassifyResponse>('POST', '/triage/classify', token, { items });
      expect(response.status).toBe(200);
      expect(response.body.items.map((item) => item.id)).toEqual(['satu', 'dua']);
      expect(response.body.items[0]).toMatchObject({ urgency: 'critical', topic: 'banjir', ruleSetVersion: 'v3' });
      expect(response.body.items[1]).toMatchObject({ topic: 'pju', ruleSetVersion: 'v3' });
      expect(response.body.items[1].opd[0].code).toBe('DISHUB');
      expect(response.body.items[0].reasons.length).toBeGreaterThan(0);
    }
    const withKey = await call<ClassifyResponse>('POST', '/triage/classify', null, { items }, { 'x-api-key': stack.ingestKey });
    expect(withKey.status).toBe(200);
    expect(withKey.body.items).toHaveLength(2);

    expect((await call('POST', '/triage/classify', null, { items }, { 'x-api-key': 'wrong-key-0123456789' })).status).toBe(401);
    expect((await call('POST', '/triage/classify', null, { items })).status).toBe(401);
    expect((await call('POST', '/triage/classify', tokens.liaison, { items })).status).toBe(403);

    const tooMany = await call<{ details: { field: string }[] }>('POST', '/triage/classify', tokens.supervisor, {
      items: Array.from({ length: 1001 }, (_, i) => ({ id: String(i), text: 'banjir' })),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details[0].field).toBe('items');
    const missing = await call<{ details: { field: string; message: string }[] }>('POST', '/triage/classify', tokens.supervisor, {
      items: [{ id: 'x' }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ field: 'items.0.text', message: 'is required' }]);
  });

  it('finds a version published without a notification by polling', async () => {
    const { rows } = await stack.db.query<{ content: RuleSetDocument }>('SELECT content FROM rule_sets WHERE version = 2');
    // As if the Redis message were lost: publish v4 (= v2's rules) in the database only.
    await stack.db.query('BEGIN');
    await stack.db.query(`UPDATE rule_sets SET status = 'archived' WHERE status = 'published'`);
    await stack.db.query(
      `INSERT INTO rule_sets (version, status, origin, content, base_version, notes, published_at)
       VALUES (4, 'published', 'rollback', $1::jsonb, 2, 'langsung di basis data', now())`,
      [JSON.stringify({ ...rows[0].content, version: 'v4' })],
    );
    await stack.db.query('COMMIT');

    const stored = await waitFor(
      'the worker to poll v4',
      async () => {
        const probe = await storeProbe(`Ada ${ZORBLAX} di dekat sekolah`);
        return probe.rule_set_version === 'v4' ? probe : undefined;
      },
      30_000,
    );
    expect(stored.urgency).toBe('critical');
  });
});
