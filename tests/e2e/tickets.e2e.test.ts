import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  FOLLOW_UP_FIELD_ERRORS,
  LIVE_NAMESPACE,
  ticketNumberOf,
  type LiveMentionUpdate,
  type Mention,
  type MentionFollowUpState,
  type MentionPage,
  type MentionTimeline,
  type TimelineMessage,
} from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SAMPAH = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';

interface Stored {
  id: string;
  seq: number;
  ticket: string;
  year: number;
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Citizens' tickets: a message quoting a ticket number is linked to that ticket's mention as it
 * is stored; admins link (and unlink) by hand within their OPDs, never in a cycle, each change
 * audited and announced live; the timeline shows the ticket thread and the inbox finds a ticket
 * with its follow-ups.
 */
describe('tickets: follow-up messages linked to a citizen ticket', () => {
  let stack: Stack;
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  let serial = 0;
  const tokens = {} as Record<'budi' | 'dishub' | 'supervisor' | 'liaison', string>;
  const userIds = {} as Record<'budi' | 'dishub' | 'supervisor' | 'liaison', string>;
  const sockets: Socket[] = [];

  const call = <T>(method: string, path: string, token: string, body?: unknown) => apiCall<T>(stack, method, path, token, body);
  const link = (id: string, token: string, body: unknown) => call<MentionFollowUpState & { details?: unknown }>('POST', `/mentions/${id}/follow-up`, token, body);

  const storedRow = async (externalId: string): Promise<Stored> => {
    const row = await waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string; seq: string; received_at: Date }>('SELECT id, seq, received_at FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0];
    });
    return { id: row.id, seq: Number(row.seq), ticket: ticketNumberOf(Number(row.seq), row.received_at), year: row.received_at.getUTCFullYear() };
  };

  /** Stores one mention (from its own account) and routes it to `opds`. */
  const store = async (text: string, opds: string[] = ['DLH']): Promise<Stored> => {
    const externalId = `tickets-${run}-${++serial}`;
    expect((await postMentions(stack, mention(externalId, text))).status).toBe(202);
    const stored = await storedRow(externalId);
    await stack.db.query('UPDATE mentions SET opd_codes = $2 WHERE id = $1', [stored.id, opds]);
    return stored;
  };

  const linkOf = async (id: string) =>
    (await stack.db.query<{ follows_up_id: string | null; follows_up_ticket: string | null }>('SELECT follows_up_id, follows_up_ticket FROM mentions WHERE id = $1', [id])).rows[0];

  const auditOf = async (id: string): Promise<AuditRow[]> =>
    (await stack.db.query<AuditRow>(`SELECT action, actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action = 'mention.follow_up' ORDER BY id`, [id])).rows;

  const timelineMessages = async (id: string, token: string): Promise<TimelineMessage[]> => {
    const answer = await call<MentionTimeline>('GET', `/mentions/${id}/timeline`, token);
    expect(answer.status).toBe(200);
    return answer.body.items.filter((item): item is TimelineMessage => item.kind === 'message');
  };

  const search = async (q: string, token: string): Promise<string[]> => {
    const answer = await call<MentionPage>('GET', `/mentions?q=${encodeURIComponent(q)}&limit=200`, token);
    expect(answer.status).toBe(200);
    return answer.body.items.map((item) => item.id);
  };

  beforeAll(async () => {
    stack = await startStack();
    const accounts = {
      budi: { email: 'budi@sigap.test', role: 'admin', opds: ['DLH'] },
      dishub: { email: 'dishub@sigap.test', role: 'admin', opds: ['DISHUB'] },
      supervisor: { email: 'spv@sigap.test', role: 'supervisor', opds: [] },
      liaison: { email: 'dprd@sigap.test', role: 'liaison', opds: [] },
    } as const;
    for (const [key, account] of Object.entries(accounts)) {
      await createUser(stack, { ...account, opds: [...account.opds], password });
      const session = await login(stack, account.email, password);
      tokens[key as keyof typeof tokens] = session.accessToken;
      userIds[key as keyof typeof userIds] = session.user.id;
    }
  }, 120_000);

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await stack?.stop();
  });

  it('links a message quoting a ticket (any case) to that ticket as it is stored, and nothing else', async () => {
    const root = await store(SAMPAH);
    const followUp = await store(`${SAMPAH}. Ini lanjutan tiket ${root.ticket.toLowerCase()} ya min`);
    expect(await linkOf(followUp.id)).toEqual({ follows_up_id: root.id, follows_up_ticket: root.ticket });

    // A ticket nobody has, the right position under another year, and no ticket at all stay unlinked.
    const unknown = await store(`${SAMPAH}, tiket BDG-${root.year}-${String(root.seq + 900_000).padStart(6, '0')}`);
    const otherYear = await store(`${SAMPAH}, tiket BDG-${root.year - 1}-${String(root.seq).padStart(6, '0')}`);
    const plain = await store(SAMPAH);
    for (const id of [unknown.id, otherYear.id, plain.id, root.id]) expect(await linkOf(id)).toEqual({ follows_up_id: null, follows_up_ticket: null });

    // Several items of one request, in one batch: the one quoting the ticket is linked (first existing ticket wins).
    const [quoting, notQuoting] = [`tickets-${run}-${++serial}`, `tickets-${run}-${++serial}`];
    const batch = {
      items: [
        mention(quoting, `${SAMPAH} tiket BDG-${root.year}-999999999 atau ${root.ticket}`),
        mention(notQuoting, SAMPAH),
      ],
    };
    expect((await postMentions(stack, batch)).status).toBe(202);
    const [q, n] = [await storedRow(quoting), await storedRow(notQuoting)];
    expect((await linkOf(q.id)).follows_up_id).toBe(root.id);
    expect((await linkOf(n.id)).follows_up_id).toBeNull();

    // The REST API (and the liaison's masked view) shows the link and the follow-up count.
    const read = await call<Mention>('GET', `/mentions/${followUp.id}`, tokens.budi);
    expect(read.body.followUpOf).toEqual({ mentionId: root.id, ticketNumber: root.ticket });
    expect((await call<Mention>('GET', `/mentions/${root.id}`, tokens.budi)).body).toMatchObject({ followUpOf: null, followUpCount: 2 });
    expect((await call<Mention>('GET', `/mentions/${followUp.id}`, tokens.liaison)).body.followUpOf).toEqual({ mentionId: root.id, ticketNumber: root.ticket });
  });

  it('routes a follow-up that triage could not place to its ticket’s OPDs, and keeps a routed one’s own', async () => {
    const root = await store(SAMPAH, ['DSDABM']);
    const asking = `tickets-${run}-${++serial}`;
    expect((await postMentions(stack, mention(asking, `Min, laporan saya ${root.ticket} belum ada kabar`))).status).toBe(202);
    const { id } = await storedRow(asking);
    const routing = async (mentionId: string) => (await stack.db.query<{ opd_codes: string[] }>('SELECT opd_codes FROM mentions WHERE id = $1', [mentionId])).rows[0].opd_codes;
    expect(await routing(id)).toEqual(['DSDABM']);

    const ownTopic = `tickets-${run}-${++serial}`;
    expect((await postMentions(stack, mention(ownTopic, `${SAMPAH}, sama seperti tiket ${root.ticket}`))).status).toBe(202);
    const routed = await storedRow(ownTopic);
    expect((await linkOf(routed.id)).follows_up_id).toBe(root.id);
    const own = await routing(routed.id);
    expect(own).toContain('DLH');
    expect(own).not.toContain('DSDABM');
  });

  it('links and unlinks by hand, audited, announced live, refusing bad numbers and cycles', async () => {
    const root = await store(SAMPAH);
    const message = await store(SAMPAH);
    const updates: LiveMentionUpdate[] = [];
    const socket = io(`${stack.baseUrl}${LIVE_NAMESPACE}`, { auth: { token: tokens.budi }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    socket.on('mentionUpdated', (update: LiveMentionUpdate) => updates.push(update));
    await new Promise<void>((resolve, reject) => {
      socket.once('hello', () => resolve());
      socket.once('connect_error', reject);
    });

    const linked = await link(message.id, tokens.budi, { ticketNumber: ` ${root.ticket.toLowerCase()} ` });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ id: message.id, status: 'baru', followUpOf: { mentionId: root.id, ticketNumber: root.ticket } });
    expect(await linkOf(message.id)).toEqual({ follows_up_id: root.id, follows_up_ticket: root.ticket });
    const announced = await waitFor('the link to be announced', async () => updates.find((u) => u.id === message.id && u.followUpOf), 10_000);
    expect(announced.followUpOf).toEqual({ mentionId: root.id, ticketNumber: root.ticket });

    // The same link again changes nothing and is not audited twice.
    expect((await link(message.id, tokens.budi, { ticketNumber: root.ticket })).status).toBe(200);
    const unlinked = await link(message.id, tokens.budi, { ticketNumber: null });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.followUpOf).toBeNull();
    expect(await linkOf(message.id)).toEqual({ follows_up_id: null, follows_up_ticket: null });
    await waitFor('the unlink to be announced', async () => updates.find((u) => u.id === message.id && u.followUpOf === null), 10_000);
    expect((await link(message.id, tokens.budi, { ticketNumber: null })).status).toBe(200);
    expect(await auditOf(message.id)).toEqual([
      { action: 'mention.follow_up', actor_id: userIds.budi, before: { followUpOf: null }, after: { followUpOf: { mentionId: root.id, ticketNumber: root.ticket } } },
      { action: 'mention.follow_up', actor_id: userIds.budi, before: { followUpOf: { mentionId: root.id, ticketNumber: root.ticket } }, after: { followUpOf: null } },
    ]);

    // Malformed numbers and bodies: 400 on ticketNumber.
    for (const body of [{ ticketNumber: 'BDG-2026-12' }, { ticketNumber: 'tiket 123' }, { ticketNumber: 123 }, {}]) {
      const refused = await link(message.id, tokens.budi, body);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'ticketNumber' })]);
    }
    expect((await link(message.id, tokens.budi, { ticketNumber: 'BDG-2026-12' })).body.details).toEqual([{ field: 'ticketNumber', message: FOLLOW_UP_FIELD_ERRORS.malformed }]);
    // Itself, and a ticket nobody has.
    expect((await link(message.id, tokens.budi, { ticketNumber: message.ticket })).body.details).toEqual([{ field: 'ticketNumber', message: FOLLOW_UP_FIELD_ERRORS.self }]);
    expect((await link(message.id, tokens.budi, { ticketNumber: `BDG-${root.year}-${String(root.seq + 900_000).padStart(6, '0')}` })).status).toBe(404);

    // message → root, then a → message: linking root to a would close root → a → message → root.
    expect((await link(message.id, tokens.budi, { ticketNumber: root.ticket })).status).toBe(200);
    const a = await store(SAMPAH);
    expect((await link(a.id, tokens.budi, { ticketNumber: message.ticket })).status).toBe(200);
    for (const target of [message, a]) {
      const cycle = await link(root.id, tokens.budi, { ticketNumber: target.ticket });
      expect(cycle.status).toBe(400);
      expect(cycle.body.details).toEqual([{ field: 'ticketNumber', message: FOLLOW_UP_FIELD_ERRORS.cycle }]);
    }
    expect((await linkOf(root.id)).follows_up_id).toBeNull();
    expect(await auditOf(root.id)).toEqual([]);
  });

  it('keeps both sides within the user’s OPDs: another OPD’s mention or ticket is 404, liaisons 403', async () => {
    const dlh = await store(SAMPAH);
    const dlhTicket = await store(SAMPAH);
    const dishub = await store(SAMPAH, ['DISHUB']);

    // DISHUB's admin cannot see the DLH mention; DLH's admin cannot see DISHUB's ticket.
    expect((await link(dlh.id, tokens.dishub, { ticketNumber: dishub.ticket })).status).toBe(404);
    expect((await link(dishub.id, tokens.dishub, { ticketNumber: dlhTicket.ticket })).status).toBe(404);
    expect((await link(dlh.id, tokens.budi, { ticketNumber: dishub.ticket })).status).toBe(404);
    expect((await link(dlh.id, tokens.liaison, { ticketNumber: dlhTicket.ticket })).status).toBe(403);
    expect((await linkOf(dlh.id)).follows_up_id).toBeNull();
    expect((await linkOf(dishub.id)).follows_up_id).toBeNull();

    // A supervisor sees every OPD.
    const across = await link(dishub.id, tokens.supervisor, { ticketNumber: dlhTicket.ticket });
    expect(across.status).toBe(200);
    expect(across.body.followUpOf).toEqual({ mentionId: dlhTicket.id, ticketNumber: dlhTicket.ticket });
    expect((await auditOf(dishub.id)).map((row) => row.actor_id)).toEqual([userIds.supervisor]);
  });

  it('shows the ticket thread in the timeline and finds a ticket with its follow-ups, within the reader’s scope', async () => {
    const root = await store(SAMPAH);
    const first = await store(`${SAMPAH} tiket ${root.ticket}`);
    const second = await store(`masih bau, ${root.ticket}`);
    const elsewhere = await store(`jalan macet juga ${root.ticket}`, ['DISHUB']);
    const later = await store(SAMPAH);
    expect((await link(later.id, tokens.supervisor, { ticketNumber: first.ticket })).status).toBe(200);
    const unrelated = await store(SAMPAH);

    // The follow-up's timeline: the ticket it follows, the ticket's other follow-ups, its own follow-ups.
    const ofFirst = await timelineMessages(first.id, tokens.budi);
    const byId = new Map(ofFirst.map((item) => [item.mentionId, item]));
    expect(byId.get(first.id)).toMatchObject({ current: true, linkedByTicket: false, followUpOf: { mentionId: root.id, ticketNumber: root.ticket } });
    expect(byId.get(root.id)).toMatchObject({ current: false, linkedByTicket: true, ticketNumber: root.ticket, followUpOf: null });
    expect(byId.get(second.id)).toMatchObject({ linkedByTicket: true, followUpOf: { mentionId: root.id } });
    expect(byId.get(later.id)).toMatchObject({ linkedByTicket: true, followUpOf: { mentionId: first.id, ticketNumber: first.ticket } });
    expect(byId.has(unrelated.id)).toBe(false);
    // Another OPD's follow-up is left out for DLH's admin, shown to the supervisor.
    expect(byId.has(elsewhere.id)).toBe(false);
    expect((await timelineMessages(first.id, tokens.supervisor)).map((item) => item.mentionId)).toContain(elsewhere.id);

    // The ticket's own timeline lists its follow-ups.
    const ofRoot = (await timelineMessages(root.id, tokens.budi)).filter((item) => item.linkedByTicket).map((item) => item.mentionId);
    expect(ofRoot.sort()).toEqual([first.id, second.id].sort());
    // The manual link is in the history.
    const history = await call<MentionTimeline>('GET', `/mentions/${later.id}/timeline`, tokens.supervisor);
    expect(history.body.items).toContainEqual(expect.objectContaining({ kind: 'other', action: 'mention.follow_up', after: { followUpOf: { mentionId: first.id, ticketNumber: first.ticket } } }));

    // Searching a ticket number (any case) finds the ticket and its follow-ups.
    const found = await search(root.ticket.toLowerCase(), tokens.supervisor);
    expect(found).toEqual(expect.arrayContaining([root.id, first.id, second.id, elsewhere.id]));
    expect(found).not.toContain(unrelated.id);
    expect(found).not.toContain(later.id);
    const foundByBudi = await search(root.ticket, tokens.budi);
    expect(foundByBudi.sort()).toEqual([root.id, first.id, second.id].sort());
    expect(await search(first.ticket, tokens.budi)).toEqual(expect.arrayContaining([first.id, later.id]));
  });
});
