import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { PRESENCE_ONLINE_KEY, type ApiErrorBody, type DeskBoard, type MentionPage, type MyWorkCounts, type Urgency } from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, storedMentionId, type Stack } from '../support/stack';

interface Seed {
  urgency: Urgency;
  status: string;
  opd: string[];
  /** Minutes since it was received. */
  ageMinutes: number;
  holder?: 'ani';
  assignee?: 'budi';
  labels?: string[];
  escalation?: number;
}

/**
 * The desk views' server side: the holder/assignee/label/escalated filters of the mention list
 * (scoped like every read), the supervisor board's numbers computed from rows set up here, and
 * the counts of "Pekerjaan saya". Default SLAs: critical 15 min, high 60 min.
 */
describe('desk views: filters, the supervisor board and my work', () => {
  let stack: Stack;
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  const users = { spv: { id: '', token: '' }, ani: { id: '', token: '' }, budi: { id: '', token: '' }, liaison: { id: '', token: '' }, superadmin: { id: '', token: '' } };
  const ids: Record<string, string> = {};

  const seeds: Record<string, Seed> = {
    breached: { urgency: 'critical', status: 'baru', opd: ['DLH'], ageMinutes: 20 },
    atRiskEscalated: { urgency: 'critical', status: 'eskalasi', opd: ['DLH'], ageMinutes: 12, labels: ['banjir'], escalation: 1 },
    freshCritical: { urgency: 'critical', status: 'baru', opd: ['DLH'], ageMinutes: 0 },
    oldHigh: { urgency: 'high', status: 'baru', opd: ['DLH'], ageMinutes: 50 },
    heldHigh: { urgency: 'high', status: 'ditangani', opd: ['DLH'], ageMinutes: 90, holder: 'ani' },
    heldAwaiting: { urgency: 'normal', status: 'menunggu_persetujuan', opd: ['DLH'], ageMinutes: 5, holder: 'ani' },
    heldClosed: { urgency: 'normal', status: 'selesai', opd: ['DLH'], ageMinutes: 5, holder: 'ani' },
    assignedLow: { urgency: 'low', status: 'baru', opd: ['DISHUB'], ageMinutes: 1, assignee: 'budi' },
    unrouted: { urgency: 'normal', status: 'baru', opd: [], ageMinutes: 0 },
    toForward: { urgency: 'high', status: 'baru', opd: ['DLH'], ageMinutes: 2 },
    // Outside the board's window (BOARD_WINDOW_DAYS): listed by the inbox, not counted on the board.
    ancient: { urgency: 'critical', status: 'baru', opd: ['DLH'], ageMinutes: 8 * 24 * 60 },
  };

  const list = async (token: string, query: string): Promise<string[]> => {
    const answer = await apiCall<MentionPage>(stack, 'GET', `/mentions?limit=200&${query}`, token);
    expect(answer.status).toBe(200);
    return answer.body.items.map((item) => item.id).sort();
  };
  const idsOf = (...names: string[]): string[] => names.map((name) => ids[name]).sort();

  beforeAll(async () => {
    stack = await startStack();
    const accounts = [
      ['spv', 'supervisor', [], 'Sari Supervisor'],
      ['ani', 'admin', ['DLH'], 'Ani DLH'],
      ['budi', 'admin', ['DISHUB'], 'Budi Dishub'],
      ['liaison', 'liaison', [], 'Dewi DPRD'],
    ] as const;
    for (const [key, role, opds, name] of accounts) {
      await createUser(stack, { email: `${key}-${run}@sigap.test`, password, role, opds: [...opds], name });
      const session = await login(stack, `${key}-${run}@sigap.test`, password);
      users[key] = { id: session.user.id, token: session.accessToken };
    }
    const superadmin = await login(stack, stack.admin.email, stack.admin.password);
    users.superadmin = { id: superadmin.user.id, token: superadmin.accessToken };

    for (const name of Object.keys(seeds)) {
      const externalId = `board-${run}-${name}`;
      expect((await postMentions(stack, mention(externalId, `laporan ${name} sampah numpuk di pasar belum diangkut`))).status).toBe(202);
      ids[name] = await storedMentionId(stack, externalId);
    }
    for (const [name, seed] of Object.entries(seeds)) {
      await stack.db.query(
        `UPDATE mentions SET urgency = $2, urgency_rank = $3, status = $4, opd_codes = $5::text[],
                received_at = now() - make_interval(mins => $6), claimed_by = $7, claimed_at = CASE WHEN $7::uuid IS NULL THEN NULL ELSE now() END,
                assigned_to = $8, assigned_at = CASE WHEN $8::uuid IS NULL THEN NULL ELSE now() END, labels = $9::text[], escalation_level = $10
          WHERE id = $1`,
        [
          ids[name],
          seed.urgency,
          ['critical', 'high', 'normal', 'low'].indexOf(seed.urgency),
          seed.status,
          seed.opd,
          seed.ageMinutes,
          seed.holder ? users[seed.holder].id : null,
          seed.assignee ? users[seed.assignee].id : null,
          seed.labels ?? [],
          seed.escalation ?? 0,
        ],
      );
    }
    // One forward through the API (counted), one from two days ago (outside the 24 h window).
    const forwarded = await apiCall(stack, 'POST', `/mentions/${ids.toForward}/status`, users.ani.token, {
      status: 'bukan_wewenang',
      reason: 'urusan lampu lalu lintas',
      forwardTo: 'DISHUB',
    });
    expect(forwarded.status).toBe(200);
    await stack.db.query(
      `INSERT INTO mention_forwards (mention_id, from_opds, to_opd, reason, forwarded_by, at)
       VALUES ($1, '{DLH}', 'DISHUB', 'lama', $2, now() - interval '2 days')`,
      [ids.heldClosed, users.ani.id],
    );

    // Ani sent a heartbeat just now; Budi's last one is ten minutes old (the TTL is a minute).
    const redis = new Redis(stack.env.REDIS_URL as string);
    const key = `${stack.prefix}:${PRESENCE_ONLINE_KEY}`;
    await redis.zadd(key, Date.now(), users.ani.id, Date.now() - 10 * 60_000, users.budi.id);
    await redis.quit();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe('mention filters', () => {
    it('lists what the board counts as bounced: forwarded from an OPD in the last 24 hours', async () => {
      // toForward went from DLH to DISHUB through the API just now; heldClosed's forward is two days old.
      expect(await list(users.spv.token, 'forwardedFrom=DLH')).toEqual(idsOf('toForward'));
      expect(await list(users.spv.token, 'forwardedFrom=DISHUB')).toEqual([]);
      const bad = await apiCall<ApiErrorBody>(stack, 'GET', '/mentions?forwardedFrom=dlh%20lama', users.spv.token);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'forwardedFrom', message: 'must be an OPD code' }]);
    });

    it('filters by holder: me, none or a user id, within the caller’s OPDs', async () => {
      expect(await list(users.ani.token, 'holder=me')).toEqual(idsOf('heldHigh', 'heldAwaiting', 'heldClosed'));
      expect(await list(users.ani.token, 'holder=none')).toEqual(idsOf('breached', 'atRiskEscalated', 'freshCritical', 'oldHigh', 'unrouted', 'ancient'));
      expect(await list(users.budi.token, 'holder=none')).toEqual(idsOf('assignedLow', 'unrouted', 'toForward'));
      expect(await list(users.spv.token, `holder=${users.ani.id}`)).toEqual(idsOf('heldHigh', 'heldAwaiting', 'heldClosed'));
      // Another OPD's admin asking for Ani's items sees none of them.
      expect(await list(users.budi.token, `holder=${users.ani.id}`)).toEqual([]);
      expect(await list(users.ani.token, 'holder=me&status=menunggu_persetujuan')).toEqual(idsOf('heldAwaiting'));
    });

    it('filters by assignee, label and escalation, scoped the same way', async () => {
      expect(await list(users.budi.token, 'assignee=me')).toEqual(idsOf('assignedLow'));
      expect(await list(users.spv.token, `assignee=${users.budi.id}`)).toEqual(idsOf('assignedLow'));
      expect(await list(users.ani.token, `assignee=${users.budi.id}`)).toEqual([]);
      expect((await list(users.spv.token, 'assignee=none')).length).toBe(Object.keys(seeds).length - 1);
      expect(await list(users.ani.token, 'label=banjir')).toEqual(idsOf('atRiskEscalated'));
      expect(await list(users.budi.token, 'label=banjir')).toEqual([]);
      expect(await list(users.ani.token, 'escalated=1')).toEqual(idsOf('atRiskEscalated'));
      expect(await list(users.budi.token, 'escalated=1')).toEqual([]);
      expect(await list(users.spv.token, 'escalated=0&urgency=critical')).toEqual(idsOf('breached', 'freshCritical', 'ancient'));
    });

    it('refuses malformed person filters with the field named', async () => {
      for (const query of ['holder=bob', 'assignee=12', 'escalated=yes']) {
        const answer = await apiCall<{ message: string }>(stack, 'GET', `/mentions?${query}`, users.spv.token);
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body)).toContain(query.split('=')[0]);
      }
    });
  });

  describe('GET /desk/board', () => {
    let board: DeskBoard;

    beforeAll(async () => {
      const answer = await apiCall<DeskBoard>(stack, 'GET', '/desk/board', users.spv.token);
      expect(answer.status).toBe(200);
      board = answer.body;
    });

    it('counts unclaimed open mentions per urgency with the oldest wait and SLA risk, within the window', () => {
      const tile = (urgency: Urgency) => board.urgencies.find((t) => t.urgency === urgency);
      expect(board.urgencies.map((t) => t.urgency)).toEqual(['critical', 'high', 'normal', 'low']);
      expect(tile('critical')).toMatchObject({ unclaimed: 3, atRisk: 1, breached: 1, slaSeconds: 900 });
      expect(tile('critical')?.oldestWaitingSeconds).toBeGreaterThanOrEqual(20 * 60);
      expect(tile('critical')?.oldestWaitingSeconds).toBeLessThan(25 * 60);
      // oldHigh, and toForward: forwarded to DISHUB, it waits there for someone to pick it up.
      expect(tile('high')).toMatchObject({ unclaimed: 2, atRisk: 1, breached: 0, slaSeconds: 3600 });
      expect(tile('normal')).toMatchObject({ unclaimed: 1, atRisk: 0, breached: 0 });
      expect(tile('low')).toMatchObject({ unclaimed: 1, atRisk: 0, breached: 0 });
    });

    it('shows who holds and was assigned how many open mentions, and who is online', () => {
      const person = (id: string) => board.people.find((p) => p.id === id);
      expect(person(users.ani.id)).toEqual({ id: users.ani.id, name: 'Ani DLH', role: 'admin', online: true, holding: 2, assigned: 0 });
      expect(person(users.budi.id)).toEqual({ id: users.budi.id, name: 'Budi Dishub', role: 'admin', online: false, holding: 0, assigned: 1 });
      expect(person(users.spv.id)).toMatchObject({ holding: 0, assigned: 0, online: false });
      expect(person(users.liaison.id)).toBeUndefined();
      expect(board.people[0].id).toBe(users.ani.id);
    });

    it('gives each OPD its open backlog and the "bukan wewenang" forwards of the last 24 hours', () => {
      const opd = (code: string) => board.opds.find((o) => o.code === code);
      expect(opd('DLH')).toMatchObject({ backlog: 6, bounced: 1 });
      expect(opd('DLH')?.name).toBeTruthy();
      // assignedLow, and the forward DISHUB received.
      expect(opd('DISHUB')).toMatchObject({ backlog: 2, bounced: 0 });
      expect(board.unroutedBacklog).toBe(1);
    });

    it('lists the oldest unclaimed critical and high mentions, oldest first', () => {
      expect(board.oldestUnclaimed.map((item) => item.id)).toEqual([ids.oldHigh, ids.breached, ids.atRiskEscalated, ids.toForward, ids.freshCritical]);
      const [first] = board.oldestUnclaimed;
      expect(first).toMatchObject({ urgency: 'high', status: 'baru', opdCodes: ['DLH'] });
      expect(first.ticketNumber).toMatch(/^BDG-\d{4}-\d{6}$/);
      expect(first.excerpt).toContain('laporan oldHigh');
      expect(first.waitedSeconds).toBeGreaterThanOrEqual(50 * 60);
    });

    it('is for supervisors and superadmins only', async () => {
      expect((await apiCall(stack, 'GET', '/desk/board', users.superadmin.token)).status).toBe(200);
      expect((await apiCall(stack, 'GET', '/desk/board', users.ani.token)).status).toBe(403);
      expect((await apiCall(stack, 'GET', '/desk/board', users.liaison.token)).status).toBe(403);
      expect((await apiCall(stack, 'GET', '/desk/board', null)).status).toBe(401);
    });
  });

  describe('GET /desk/my-work', () => {
    it('counts what I hold, what was assigned to me and what waits for approval', async () => {
      const ani = await apiCall<MyWorkCounts>(stack, 'GET', '/desk/my-work', users.ani.token);
      expect(ani).toEqual({ status: 200, body: { holding: 2, assigned: 0, awaitingApproval: 1 } });
      const budi = await apiCall<MyWorkCounts>(stack, 'GET', '/desk/my-work', users.budi.token);
      expect(budi.body).toEqual({ holding: 0, assigned: 1, awaitingApproval: 0 });
      expect((await apiCall(stack, 'GET', '/desk/my-work', users.liaison.token)).status).toBe(403);
    });
  });
});
