import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Redis from 'ioredis';
import { Queue } from 'bullmq';
import {
  DESK_DISPATCH_QUEUE,
  PRESENCE_ONLINE_KEY,
  deskJobIds,
  type ApiErrorBody,
  type DeskPersonView,
  type MentionBulkResult,
  type MentionDeskState,
  type NotifyOutboundJobData,
  type OnCallView,
  type RotaShiftView,
} from '@sigap/contracts';
import { redisOptionsFromUrl } from '@sigap/server/core';
import { apiCall, createUser, freePort, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SAMPAH = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';
const FLOOD = 'Tolong! Banjir sedada di Gedebage, warga terjebak di atap rumah, butuh evakuasi sekarang';
const HOUR = 3600_000;

interface AuditRow {
  actor_id: string | null;
  action: string;
  at: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface NotificationRow {
  user_id: string;
  kind: string;
  mention_id: string | null;
  payload: Record<string, unknown>;
}

interface Person {
  id: string;
  token: string;
}

/**
 * Dispatch: the on-call rota, assignment by hand and round-robin, the escalation ladder on
 * BullMQ delayed jobs (a critical mention's limit is 2 s here), the release of idle claims
 * (3 s here, longer than that limit, so a claim taken in time outlives the first rung's check)
 * and bulk actions.
 *
 * Round-robin counts an admin's open load as the mentions assigned to or held by them, and reads
 * presence from the sorted set the live gateway writes; the tests write it directly.
 * Escalation rung 1 reassigns to another on-call admin (online and below capacity first), rung 2
 * reaches the OPD's supervisor on shift, rung 3 the crisis desk (a supervisor shift of DISKOMINFO).
 * A claim stops the ladder; releasing an idle claim starts it again from the next rung.
 */
describe('dispatch: rota, assignment, escalation, idle claims and bulk actions', () => {
  let stack: Stack;
  let redis: Redis;
  let deskQueue: Queue;
  let webhook: Server;
  const outbound: NotifyOutboundJobData[] = [];
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  let serial = 0;
  const people: Record<string, Person> = {};

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T>(stack, method, path, token, body);

  const addPerson = async (key: string, role: 'admin' | 'supervisor', opds: string[] = [], extra: { capacity?: number; telegram?: string } = {}) => {
    const email = `${key}-${run}@sigap.test`;
    await createUser(stack, { email, password, role, opds, name: `Orang ${key}` });
    if (extra.capacity !== undefined) await stack.db.query(`UPDATE users SET capacity = $2 WHERE lower(email) = lower($1)`, [email, extra.capacity]);
    if (extra.telegram) await stack.db.query(`UPDATE users SET telegram_chat_id = $2 WHERE lower(email) = lower($1)`, [email, extra.telegram]);
    const session = await login(stack, email, password);
    people[key] = { id: session.user.id, token: session.accessToken };
    return people[key];
  };

  const online = async (...keys: string[]) => {
    for (const key of keys) await redis.zadd(`${stack.prefix}:${PRESENCE_ONLINE_KEY}`, Date.now(), people[key].id);
  };
  const offline = async (...keys: string[]) => {
    for (const key of keys) await redis.zrem(`${stack.prefix}:${PRESENCE_ONLINE_KEY}`, people[key].id);
  };

  const shift = async (key: string, opdCode: string, roleInShift: 'admin' | 'supervisor', fromMs: number, toMs: number) => {
    const response = await call<RotaShiftView>('POST', '/rota', people.spv.token, {
      opdCode,
      userId: people[key].id,
      startsAt: new Date(Date.now() + fromMs).toISOString(),
      endsAt: new Date(Date.now() + toMs).toISOString(),
      roleInShift,
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  const newMention = async (text = SAMPAH): Promise<string> => {
    const externalId = `dispatch-${run}-${++serial}`;
    expect((await postMentions(stack, mention(externalId, `${text} (${serial})`))).status).toBe(202);
    return waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string }>('SELECT id FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0]?.id;
    });
  };

  const mentionRow = async (id: string) =>
    (
      await stack.db.query<{ status: string; assigned_to: string | null; claimed_by: string | null; escalation_level: number; labels: string[] }>(
        'SELECT status, assigned_to, claimed_by, escalation_level, labels FROM mentions WHERE id = $1',
        [id],
      )
    ).rows[0];

  const auditOf = async (entityId: string, action: string): Promise<AuditRow[]> =>
    (await stack.db.query<AuditRow>('SELECT actor_id, action, at, before, after FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY id', [entityId, action])).rows;

  const notificationsOf = async (userId: string, kind: string): Promise<NotificationRow[]> =>
    (await stack.db.query<NotificationRow>('SELECT user_id, kind, mention_id, payload FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY id', [userId, kind])).rows;

  beforeAll(async () => {
    const port = await freePort();
    webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        outbound.push(JSON.parse(body) as NotifyOutboundJobData);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(port, '127.0.0.1', resolve));
    const env = { SIGAP_SLA_CRITICAL_SECONDS: '2', SIGAP_CLAIM_IDLE_SECONDS: '3', SIGAP_NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/notify` };
    stack = await startStack({ apiEnv: env, workerEnv: env });
    redis = new Redis(stack.env.REDIS_URL as string);
    deskQueue = new Queue(DESK_DISPATCH_QUEUE, { connection: redisOptionsFromUrl(stack.env.REDIS_URL as string), prefix: `${stack.prefix}:bull` });
    await addPerson('spv', 'supervisor');
    await addPerson('spvKarpb', 'supervisor');
    await addPerson('crisis', 'supervisor');
    await addPerson('dlhA', 'admin', ['DLH']);
    await addPerson('dlhB', 'admin', ['DLH'], { capacity: 0 });
    await addPerson('dlhC', 'admin', ['DLH']);
    await addPerson('dlhOffRota', 'admin', ['DLH']);
    await addPerson('dishub', 'admin', ['DISHUB']);
    await addPerson('karpb1', 'admin', ['DISKARPB'], { telegram: 'tg-karpb1' });
    await addPerson('karpb2', 'admin', ['DISKARPB'], { telegram: 'tg-karpb2' });
  }, 180_000);

  afterAll(async () => {
    await deskQueue?.close();
    await redis?.quit();
    await new Promise((resolve) => webhook?.close(resolve));
    await stack?.stop();
  });

  it('keeps a rota per OPD: create, list, on call now and next, delete, each audited', async () => {
    const now = await shift('dlhA', 'DLH', 'admin', -HOUR, 8 * HOUR);
    const next = await shift('dlhOffRota', 'DLH', 'admin', 8 * HOUR, 16 * HOUR);
    expect(now.user).toEqual({ id: people.dlhA.id, name: 'Orang dlhA' });

    const invalid = await call<ApiErrorBody>('POST', '/rota', people.spv.token, {
      opdCode: 'DLH',
      userId: people.dishub.id,
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + HOUR).toISOString(),
      roleInShift: 'admin',
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body.details)).toContain('userId');
    const backwards = await call<ApiErrorBody>('POST', '/rota', people.spv.token, {
      opdCode: 'DLH',
      userId: people.dlhA.id,
      startsAt: new Date(Date.now() + HOUR).toISOString(),
      endsAt: new Date().toISOString(),
      roleInShift: 'admin',
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body.details)).toContain('endsAt');
    expect((await call('POST', '/rota', people.dlhA.token, { opdCode: 'DLH', userId: people.dlhA.id, startsAt: now.startsAt, endsAt: now.endsAt, roleInShift: 'admin' })).status).toBe(403);

    const staff = await call<DeskPersonView[]>('GET', '/rota/people', people.spv.token);
    expect(staff.body.find((person) => person.id === people.dlhA.id)).toEqual({ id: people.dlhA.id, name: 'Orang dlhA', role: 'admin', opds: ['DLH'] });
    expect(staff.body.find((person) => person.id === people.spv.id)?.role).toBe('supervisor');

    const listed = await call<RotaShiftView[]>('GET', '/rota?opd=DLH', people.dlhA.token);
    expect(listed.status).toBe(200);
    expect(listed.body.map((s) => s.id)).toEqual(expect.arrayContaining([now.id, next.id]));
    expect((await call<RotaShiftView[]>('GET', '/rota?opd=DLH', people.dishub.token)).body).toEqual([]);

    const onCall = await call<OnCallView[]>('GET', '/rota/on-call?opd=DLH', people.dlhC.token);
    expect(onCall.status).toBe(200);
    const dlh = onCall.body.find((view) => view.opdCode === 'DLH') as OnCallView;
    expect(dlh.now.map((s) => s.user.id)).toContain(people.dlhA.id);
    expect(dlh.next.map((s) => s.user.id)).toEqual([people.dlhOffRota.id]);

    const removed = await call('DELETE', `/rota/${next.id}`, people.spv.token);
    expect(removed.status).toBe(204);
    expect((await call('DELETE', `/rota/${next.id}`, people.spv.token)).status).toBe(404);
    expect((await auditOf(now.id, 'rota.create')).length).toBe(1);
    expect((await auditOf(next.id, 'rota.delete'))[0].actor_id).toBe(people.spv.id);
  });

  it('assigns by hand only to an admin of the mention’s OPDs, and notifies the assignee', async () => {
    await offline('dlhA', 'dlhB', 'dlhC');
    const id = await newMention();
    const wrong = await call<ApiErrorBody>('POST', `/mentions/${id}/assign`, people.spv.token, { userId: people.dishub.id });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.details)).toContain('userId');
    expect((await call('POST', `/mentions/${id}/assign`, people.dlhA.token, { userId: people.dlhA.id })).status).toBe(403);

    const assigned = await call<MentionDeskState>('POST', `/mentions/${id}/assign`, people.spv.token, { userId: people.dlhOffRota.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignedTo).toEqual({ id: people.dlhOffRota.id, name: 'Orang dlhOffRota' });
    const [audit] = await auditOf(id, 'mention.assign');
    expect(audit.actor_id).toBe(people.spv.id);
    expect(audit.after).toMatchObject({ assignedTo: { id: people.dlhOffRota.id }, via: 'manual' });
    expect((await notificationsOf(people.dlhOffRota.id, 'assigned')).map((n) => n.mention_id)).toContain(id);

    const unassigned = await call<MentionDeskState>('POST', `/mentions/${id}/assign`, people.spv.token, { userId: null });
    expect(unassigned.body.assignedTo).toBeNull();
  });

  it('round-robins new mentions among the online on-call admins below capacity, rotating on equal load', async () => {
    // dlhA is on call (first test); dlhB on call but at capacity 0; dlhC on call; dlhOffRota is not on the rota.
    await shift('dlhB', 'DLH', 'admin', -HOUR, 8 * HOUR);
    await shift('dlhC', 'DLH', 'admin', -HOUR, 8 * HOUR);
    await online('dlhB', 'dlhC', 'dlhOffRota');

    const assigneeOf = async (id: string) => waitFor(`assignment of ${id}`, async () => (await mentionRow(id)).assigned_to ?? undefined);
    const first = await newMention();
    expect(await assigneeOf(first)).toBe(people.dlhC.id);
    expect((await auditOf(first, 'mention.assign'))[0]).toMatchObject({ actor_id: null, after: expect.objectContaining({ via: 'round-robin' }) });
    expect((await notificationsOf(people.dlhC.id, 'assigned')).map((n) => n.mention_id)).toContain(first);

    await online('dlhA');
    // dlhA holds nothing yet, dlhC one: dlhA; then both hold one and dlhC waited longer: dlhC; then dlhA.
    const order: string[] = [];
    for (let i = 0; i < 3; i++) order.push(await assigneeOf(await newMention()));
    expect(order).toEqual([people.dlhA.id, people.dlhC.id, people.dlhA.id]);

    // A batch (one dispatch job) keeps the loads even as well.
    const batch = Array.from({ length: 4 }, (_, i) => `dispatch-${run}-batch-${i}`);
    expect((await postMentions(stack, { items: batch.map((externalId, i) => mention(externalId, `${SAMPAH} blok ${i}`)) })).status).toBe(202);
    const batchAssignees = await waitFor('the batch assigned', async () => {
      const { rows } = await stack.db.query<{ assigned_to: string | null }>('SELECT assigned_to FROM mentions WHERE external_id = ANY($1)', [batch]);
      return rows.length === 4 && rows.every((row) => row.assigned_to) ? rows.map((row) => row.assigned_to as string) : undefined;
    });
    expect(batchAssignees.filter((id) => id === people.dlhA.id)).toHaveLength(2);
    expect(batchAssignees.filter((id) => id === people.dlhC.id)).toHaveLength(2);
    await offline('dlhA', 'dlhB', 'dlhC', 'dlhOffRota');
  });

  it('escalates an unclaimed critical mention up the ladder, and leaves a claimed one alone', async () => {
    await shift('karpb1', 'DISKARPB', 'admin', -HOUR, 8 * HOUR);
    await shift('karpb2', 'DISKARPB', 'admin', -HOUR, 8 * HOUR);
    await shift('spvKarpb', 'DISKARPB', 'supervisor', -HOUR, 8 * HOUR);
    await shift('crisis', 'DISKOMINFO', 'supervisor', -HOUR, 8 * HOUR);
    await online('karpb1', 'karpb2');

    const claimed = await newMention(FLOOD);
    expect((await call('POST', `/mentions/${claimed}/claim`, people.karpb1.token)).status).toBe(200);
    const id = await newMention(FLOOD);
    const first = await waitFor('round-robin of the flood report', async () => (await mentionRow(id)).assigned_to ?? undefined);
    const other = first === people.karpb1.id ? people.karpb2.id : people.karpb1.id;

    const level1 = await waitFor('escalation level 1', async () => {
      const row = await mentionRow(id);
      return row.escalation_level >= 1 ? row : undefined;
    });
    expect(level1.status).toBe('eskalasi');
    expect(level1.assigned_to).toBe(other);
    const [audit] = await auditOf(id, 'mention.escalate');
    expect(audit).toMatchObject({ actor_id: null, after: expect.objectContaining({ level: 1, targets: [other], escalationLevel: 1, status: 'eskalasi' }) });
    const [notice] = (await notificationsOf(other, 'escalation')).filter((n) => n.mention_id === id);
    expect(notice.payload).toMatchObject({ level: 1, urgency: 'critical' });
    expect(notice.payload.waitedSeconds).toEqual(expect.any(Number));

    const otherChat = other === people.karpb1.id ? 'tg-karpb1' : 'tg-karpb2';
    const message = await waitFor('the Telegram message through the webhook', async () => outbound.find((m) => m.to === otherChat));
    expect(message.channel).toBe('telegram');
    expect(message.text).toContain('Eskalasi level 1');

    await waitFor('escalation level 2', async () => ((await mentionRow(id)).escalation_level >= 2 ? true : undefined));
    const supervisorNotices = (await notificationsOf(people.spvKarpb.id, 'escalation')).filter((n) => n.mention_id === id);
    expect(supervisorNotices.map((n) => n.payload.level)).toEqual([2]);
    expect((await notificationsOf(people.spv.id, 'escalation')).filter((n) => n.mention_id === id)).toEqual([]);
    await waitFor('escalation level 3', async () => ((await mentionRow(id)).escalation_level >= 3 ? true : undefined));
    expect((await notificationsOf(people.crisis.id, 'escalation')).filter((n) => n.mention_id === id).map((n) => n.payload.level)).toEqual([3]);

    // The claimed one's first rung came due while it was held and did nothing; it escalates, if at
    // all, only once its idle claim was released (that restarts its clock).
    const rung = await waitFor('the claimed mention’s first rung to run', async () => {
      const job = await deskQueue.getJob(deskJobIds.escalate(claimed, 1));
      return job?.finishedOn ? job : undefined;
    });
    const [release] = await waitFor('the idle release of the claimed mention', async () => {
      const rows = await auditOf(claimed, 'mention.release');
      return rows.length > 0 ? rows : undefined;
    });
    expect(rung.finishedOn).toBeLessThan(release.at.getTime());
    expect(release.before).toMatchObject({ escalationLevel: 0, claimedBy: { id: people.karpb1.id } });
    const escalations = await auditOf(claimed, 'mention.escalate');
    expect(escalations.every((row) => row.at.getTime() > release.at.getTime())).toBe(true);
    await offline('karpb1', 'karpb2');
  });

  it('hands a forwarded mention to the new OPD: assigned round-robin there, and its ladder starts over', async () => {
    // DLH's on-call admins are offline, so nobody there is given it; DISKARPB's are on call (above).
    const id = await newMention();
    await stack.db.query("UPDATE mentions SET urgency = 'critical', urgency_rank = 0, escalation_level = 2 WHERE id = $1", [id]);
    await online('karpb1', 'karpb2');
    const forwarded = await call<MentionDeskState>('POST', `/mentions/${id}/status`, people.spv.token, {
      status: 'bukan_wewenang',
      reason: 'Banjir, bukan sampah: urusan Damkar',
      forwardTo: 'DISKARPB',
    });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body).toMatchObject({ status: 'bukan_wewenang', opdCodes: ['DISKARPB'], escalationLevel: 0 });

    const assignee = await waitFor('round-robin at the new OPD', async () => (await mentionRow(id)).assigned_to ?? undefined);
    expect([people.karpb1.id, people.karpb2.id]).toContain(assignee);
    expect((await auditOf(id, 'mention.assign'))[0]).toMatchObject({ actor_id: null, after: expect.objectContaining({ via: 'round-robin' }) });
    // The ladder starts again from its first rung at the new OPD, instead of stopping at the forward.
    const rung = await waitFor('the first rung after the forward', async () => {
      const row = await mentionRow(id);
      return row.escalation_level >= 1 ? row : undefined;
    });
    expect(rung).toMatchObject({ escalation_level: 1, status: 'eskalasi' });
    expect((await auditOf(id, 'mention.escalate'))[0].after).toMatchObject({ level: 1 });
    await offline('karpb1', 'karpb2');
  });

  it('releases a claim left idle, and postpones the release after desk activity', async () => {
    const idle = await newMention();
    const busy = await newMention();
    expect((await call('POST', `/mentions/${idle}/claim`, people.dlhA.token)).status).toBe(200);
    expect((await call('POST', `/mentions/${busy}/claim`, people.dlhA.token)).status).toBe(200);
    // Activity on the busy one after a second: its release moves to 3 s after that.
    await waitFor('a second of claim', async () => {
      const { rows } = await stack.db.query<{ age: number }>(`SELECT extract(epoch FROM now() - claimed_at) AS age FROM mentions WHERE id = $1`, [busy]);
      return Number(rows[0].age) >= 1 ? true : undefined;
    });
    const tagged = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlhA.token, { ids: [busy], action: { kind: 'tag', add: ['sedang-dicek'] } });
    expect(tagged.body.succeeded).toBe(1);
    const { rows: activity } = await stack.db.query<{ desk_activity_at: Date; claimed_at: Date }>('SELECT desk_activity_at, claimed_at FROM mentions WHERE id = $1', [busy]);

    await waitFor('the idle claim released', async () => ((await mentionRow(idle)).claimed_by === null ? true : undefined));
    expect((await mentionRow(idle)).status).toBe('baru');
    const [release] = await auditOf(idle, 'mention.release');
    expect(release).toMatchObject({ actor_id: null, after: expect.objectContaining({ reason: 'idle', claimedBy: null }) });
    expect((await notificationsOf(people.dlhA.id, 'claim_released')).map((n) => n.mention_id)).toContain(idle);
    // Unclaimed again: its escalation clock runs again from the first rung.
    const restarted = await waitFor('the restarted escalation clock', async () =>
      (await deskQueue.getDelayed()).find((job) => job.name === 'escalate' && job.id?.startsWith(`esc-${idle}-1-r`)),
    );
    // Its wait is measured from the restart (the limit in effect when it fires is counted from there).
    expect(restarted.data).toEqual({ mentionId: idle, level: 1, clockStartedAt: Number(restarted.id?.split('-r').pop()) });

    // A release by hand restarts it too.
    const handed = await newMention();
    expect((await call('POST', `/mentions/${handed}/claim`, people.dlhA.token)).status).toBe(200);
    expect((await call('POST', `/mentions/${handed}/release`, people.dlhA.token)).status).toBe(200);
    await waitFor('the clock restarted after a manual release', async () =>
      (await deskQueue.getDelayed()).find((job) => job.name === 'escalate' && job.id?.startsWith(`esc-${handed}-1-r`)),
    );

    await waitFor('the busy claim released later', async () => ((await mentionRow(busy)).claimed_by === null ? true : undefined));
    const [busyRelease] = await auditOf(busy, 'mention.release');
    expect(busyRelease.at.getTime()).toBeGreaterThanOrEqual(activity[0].desk_activity_at.getTime() + 3000 - 50);
    expect(busyRelease.at.getTime()).toBeGreaterThan(activity[0].claimed_at.getTime() + 3000);
  });

  it('applies a bulk action to 500 mentions one by one, reporting what failed, scoped like reading', async () => {
    const externalIds = Array.from({ length: 500 }, (_, i) => `bulk-${run}-${i}`);
    const response = await postMentions(stack, { items: externalIds.map((externalId, i) => mention(externalId, `${SAMPAH} nomor ${i}`)) });
    expect(response.status).toBe(202);
    const ids = await waitFor('500 stored mentions', async () => {
      const { rows } = await stack.db.query<{ id: string }>(`SELECT id FROM mentions WHERE external_id = ANY($1) AND opd_codes @> '{DLH}'`, [externalIds]);
      return rows.length === 500 ? rows.map((row) => row.id) : undefined;
    });
    const missing = [randomUUID(), randomUUID(), 'bukan-uuid'];

    const started = Date.now();
    const status = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlhC.token, {
      ids: [...ids, ...missing],
      action: { kind: 'status', status: 'selesai' },
    });
    const statusMs = Date.now() - started;
    expect(status.status).toBe(200);
    expect(status.body.total).toBe(503);
    expect(status.body.succeeded).toBe(500);
    expect(status.body.failed.map((f) => [f.id, f.code]).sort()).toEqual(missing.map((id) => [id, 'NOT_FOUND']).sort());

    const tagStarted = Date.now();
    const tag = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlhC.token, { ids, action: { kind: 'tag', add: ['sampah', 'pasar'] } });
    const tagMs = Date.now() - tagStarted;
    console.log(`bulk on 500 mentions: status ${statusMs} ms, tag ${tagMs} ms`);
    expect(tag.body).toEqual({ total: 500, succeeded: 500, failed: [] });
    const { rows } = await stack.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentions WHERE id = ANY($1) AND status = 'selesai' AND labels @> '{sampah,pasar}'`,
      [ids],
    );
    expect(rows[0].n).toBe(500);
    const { rows: audits } = await stack.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity_id = ANY($1) AND action IN ('mention.status', 'mention.labels') GROUP BY action ORDER BY action`,
      [ids],
    );
    expect(audits).toEqual([
      { action: 'mention.labels', n: 500 },
      { action: 'mention.status', n: 500 },
    ]);

    // A change the workflow refuses (selesai → spam) is reported per item.
    const reopen = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlhC.token, { ids: ids.slice(0, 3), action: { kind: 'status', status: 'spam' } });
    expect(reopen.body.succeeded).toBe(0);
    expect(reopen.body.failed.map((f) => f.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);

    const outsider = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dishub.token, { ids: ids.slice(0, 50), action: { kind: 'tag', add: ['bukan-urusan'] } });
    expect(outsider.status).toBe(200);
    expect(outsider.body.succeeded).toBe(0);
    expect(outsider.body.failed).toHaveLength(50);
    expect(outsider.body.failed.every((f) => f.code === 'NOT_FOUND')).toBe(true);
    const filtered = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dishub.token, { filter: { opd: ['DLH'], q: 'nomor' }, action: { kind: 'claim' } });
    expect(filtered.body.total).toBe(0);

    expect((await call('POST', '/mentions/bulk', people.dlhC.token, { ids: ids.slice(0, 2), action: { kind: 'assign', userId: people.dlhA.id } })).status).toBe(403);
    const assign = await call<MentionBulkResult>('POST', '/mentions/bulk', people.spv.token, {
      ids: [ids[0], ids[1]],
      action: { kind: 'assign', userId: people.dishub.id },
    });
    expect(assign.body.failed.map((f) => f.code)).toEqual(['VALIDATION_FAILED', 'VALIDATION_FAILED']);
    expect((await call('POST', '/mentions/bulk', people.spv.token, { action: { kind: 'claim' } })).status).toBe(400);

    const fresh = [await newMention(), await newMention()];
    const claimed = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlhC.token, { ids: fresh, action: { kind: 'claim' } });
    expect(claimed.body).toEqual({ total: 2, succeeded: 2, failed: [] });
    for (const id of fresh) expect(await mentionRow(id)).toMatchObject({ claimed_by: people.dlhC.id, status: 'ditangani' });
    const again = await call<MentionBulkResult>('POST', '/mentions/bulk', people.dlhA.token, { ids: fresh, action: { kind: 'claim' } });
    expect(again.body.failed.map((f) => f.code)).toEqual(['CONFLICT', 'CONFLICT']);
  }, 120_000);
});
