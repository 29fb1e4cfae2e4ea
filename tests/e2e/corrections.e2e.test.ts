import { randomUUID } from 'node:crypto';
import type { MentionCorrectionView, MentionTags, TriageModelView, Urgency } from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

interface StoredMention {
  id: string;
  urgency: Urgency;
  urgency_rank: number;
  opd_codes: string[];
  tags: MentionTags & { corrected?: { by: string; before: { urgency: Urgency; opd: string[] } } };
}

describe('corrections by admins, and the learned model trained from them', () => {
  let stack: Stack;
  const tokens: Record<'supervisor' | 'dlh' | 'dishub' | 'liaison', string> = { supervisor: '', dlh: '', dishub: '', liaison: '' };
  const run = randomUUID().slice(0, 8);

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T>(stack, method, path, token, body);

  const stored = async (externalId: string): Promise<StoredMention> =>
    waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<StoredMention>(
        'SELECT id, urgency, urgency_rank, opd_codes, tags FROM mentions WHERE external_id = $1',
        [externalId],
      );
      return rows[0];
    });

  const models = async (): Promise<TriageModelView[]> => (await call<TriageModelView[]>('GET', '/triage/models', tokens.supervisor)).body;

  beforeAll(async () => {
    stack = await startStack();
    const password = 'rahasia-sekali-123';
    await createUser(stack, { email: 'spv@sigap.test', password, role: 'supervisor' });
    await createUser(stack, { email: 'dlh@sigap.test', password, role: 'admin', opds: ['DLH'] });
    await createUser(stack, { email: 'dishub@sigap.test', password, role: 'admin', opds: ['DISHUB'] });
    await createUser(stack, { email: 'dprd@sigap.test', password, role: 'liaison' });
    tokens.supervisor = (await login(stack, 'spv@sigap.test', password)).accessToken;
    tokens.dlh = (await login(stack, 'dlh@sigap.test', password)).accessToken;
    tokens.dishub = (await login(stack, 'dishub@sigap.test', password)).accessToken;
    tokens.liaison = (await login(stack, 'dprd@sigap.test', password)).accessToken;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lets an admin correct a mention of its OPD, and no one outside its scope', async () => {
    const externalId = `sampah-${run}`;
    const text = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';
    expect((await postMentions(stack, mention(externalId, text))).status).toBe(202);
    const before = await stored(externalId);
    expect(before.opd_codes).toContain('DLH');
    expect(before.opd_codes).not.toContain('DISHUB');
    const path = `/mentions/${before.id}/corrections`;

    expect((await call('POST', path, tokens.liaison, { urgency: 'high' })).status).toBe(403);
    expect((await call('POST', path, tokens.dishub, { urgency: 'high' })).status).toBe(404);
    expect((await call('POST', `/mentions/${randomUUID()}/corrections`, tokens.supervisor, { urgency: 'high' })).status).toBe(404);
    expect((await call('POST', path, tokens.dlh, {})).status).toBe(400);
    expect((await call('POST', path, tokens.dlh, { urgency: 'sangat' })).status).toBe(400);
    expect((await call('POST', path, tokens.dlh, { opd: ['NOPE'] })).status).toBe(400);
    expect(await stored(externalId)).toEqual(before);

    const corrected = await call<MentionCorrectionView>('POST', path, tokens.dlh, { urgency: 'high', opd: ['DLH', 'DISKARPB'] });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ mentionId: before.id, after: { urgency: 'high', opd: ['DLH', 'DISKARPB'] } });
    expect(corrected.body.before.urgency).toBe(before.urgency);

    const after = await stored(externalId);
    expect(after.urgency).toBe('high');
    expect(after.urgency_rank).toBe(1);
    expect(after.opd_codes.slice(0, 2)).toEqual(['DLH', 'DISKARPB']);
    expect(after.tags.urgency).toBe('high');
    expect(after.tags.opd.map((tag) => tag.code)).toEqual(after.opd_codes);
    expect(after.tags.reasons).toEqual(before.tags.reasons);
    expect(after.tags.corrected?.before.urgency).toBe(before.urgency);

    const { rows } = await stack.db.query('SELECT user_id, before, after FROM mention_corrections WHERE mention_id = $1', [before.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toEqual({ urgency: 'high', opd: ['DLH', 'DISKARPB'] });

    // A supervisor may correct any mention; now DISHUB's admin sees nothing of it still.
    expect((await call('POST', path, tokens.supervisor, { opd: ['DLH'] })).status).toBe(201);
    expect((await call('POST', path, tokens.dishub, { urgency: 'low' })).status).toBe(404);
  });

  it('trains a model version on request, lists it and rolls back', async () => {
    expect((await call('GET', '/triage/models', tokens.dlh)).status).toBe(403);
    expect((await call('POST', '/triage/models/train', tokens.dlh)).status).toBe(403);
    expect(await models()).toEqual([]);

    expect((await call('POST', '/triage/models/train', tokens.supervisor)).status).toBe(202);
    const [first] = await waitFor('model version 1', async () => ((await models()).length >= 1 ? models() : undefined), 90_000);
    expect(first.version).toBe(1);
    expect(first.trainedOn.corrections).toBe(1);
    expect(first.trainedOn.seed).toBeGreaterThan(100);
    expect(first.metrics.heldout).toBeGreaterThan(100);
    expect(first.metrics.rulesOnly.urgencyAccuracy).toBeGreaterThan(0.5);
    expect(first.status).toBe(first.metrics.passed ? 'active' : 'archived');

    expect((await call('POST', '/triage/models/train', tokens.supervisor)).status).toBe(202);
    const listed = await waitFor('model version 2', async () => {
      const all = await models();
      return all.length >= 2 ? all : undefined;
    }, 90_000);
    expect(listed.map((m) => m.version)).toEqual([2, 1]);

    const rolledBack = await call<TriageModelView>('POST', '/triage/models/1/rollback', tokens.supervisor);
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body).toMatchObject({ version: 1, status: 'active' });
    const afterRollback = await models();
    expect(afterRollback.find((m) => m.version === 1)?.status).toBe('active');
    expect(afterRollback.find((m) => m.version === 2)?.status).toBe('archived');
    expect((await call('POST', '/triage/models/99/rollback', tokens.supervisor)).status).toBe(404);

    // The pipeline keeps storing mentions with a model active.
    const externalId = `after-model-${run}`;
    expect((await postMentions(stack, mention(externalId, 'pohon tumbang menutup jalan Dago, macet total'))).status).toBe(202);
    expect((await stored(externalId)).urgency).toBeDefined();
  });
});
