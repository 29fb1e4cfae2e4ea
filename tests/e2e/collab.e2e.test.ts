import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type CollabAck,
  type MentionNote,
  type MentionPresence,
  type MentionTimeline,
  type MentionableUser,
  type NoteCreated,
  type NotificationPage,
  type NotificationReadResult,
  type NotificationView,
  type PresenceList,
} from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const SAMPAH = 'sampah numpuk di TPS pasar sudah seminggu belum diangkut, bau banget';
const PRESENCE_TTL_SECONDS = 5;

interface Person {
  id: string;
  name: string;
  token: string;
}

/** A connected `/live` client that keeps every server event it received. */
interface LiveClient {
  socket: Socket;
  presence: PresenceList[];
  mentionPresence: MentionPresence[];
  notes: MentionNote[];
  notifications: NotificationView[];
}

/**
 * Working together on the desk, with real socket.io clients: who views and types on which
 * mention (only rooms that may see the mention hear of it), who is online (dropped a TTL after
 * the dashboard closes), notes whose @handles notify colleagues live, and the conversation
 * timeline in time order.
 */
describe('collab: presence, notes, notifications and the timeline', () => {
  let stack: Stack;
  const password = 'rahasia-sekali-123';
  const run = randomUUID().slice(0, 8);
  let serial = 0;
  const people = {} as Record<'budi' | 'siti' | 'dishub' | 'supervisor' | 'liaison', Person>;
  const clients: LiveClient[] = [];

  const call = <T>(method: string, path: string, who: Person, body?: unknown) => apiCall<T>(stack, method, path, who.token, body);

  const newMention = async (overrides: Parameters<typeof mention>[2] = {}): Promise<string> => {
    const externalId = `collab-${run}-${++serial}`;
    expect((await postMentions(stack, mention(externalId, SAMPAH, overrides))).status).toBe(202);
    const row = await waitFor(`mention ${externalId}`, async () => {
      const { rows } = await stack.db.query<{ id: string; opd_codes: string[] }>('SELECT id, opd_codes FROM mentions WHERE external_id = $1', [externalId]);
      return rows[0];
    });
    expect(row.opd_codes).toContain('DLH');
    expect(row.opd_codes).not.toContain('DISHUB');
    return row.id;
  };

  const connect = async (who: Person): Promise<LiveClient> => {
    const socket = io(`${stack.baseUrl}${LIVE_NAMESPACE}`, { auth: { token: who.token }, transports: ['websocket'], forceNew: true });
    const client: LiveClient = { socket, presence: [], mentionPresence: [], notes: [], notifications: [] };
    socket.on('presence', (list: PresenceList) => client.presence.push(list));
    socket.on('mentionPresence', (presence: MentionPresence) => client.mentionPresence.push(presence));
    socket.on('mentionNote', (note: MentionNote) => client.notes.push(note));
    socket.on('notification', (notification: NotificationView) => client.notifications.push(notification));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    clients.push(client);
    return client;
  };

  const emit = async <T extends object = object>(client: LiveClient, event: string, payload?: unknown): Promise<CollabAck<T>> =>
    (await client.socket.timeout(5_000).emitWithAck(event, payload)) as CollabAck<T>;

  const lastPresence = (client: LiveClient) => client.presence[client.presence.length - 1]?.users.map((user) => user.id) ?? [];

  beforeAll(async () => {
    stack = await startStack({ apiEnv: { SIGAP_PRESENCE_TTL_SECONDS: String(PRESENCE_TTL_SECONDS) } });
    const accounts = {
      budi: { email: 'Budi.S@sigap.test', name: 'Budi Santoso', role: 'admin', opds: ['DLH'] },
      siti: { email: 'siti@sigap.test', name: 'Siti Aminah', role: 'admin', opds: ['DLH'] },
      dishub: { email: 'dishub@sigap.test', name: 'Dedi Dishub', role: 'admin', opds: ['DISHUB'] },
      supervisor: { email: 'spv@sigap.test', name: 'Sri Supervisor', role: 'supervisor', opds: [] },
      liaison: { email: 'dprd@sigap.test', name: 'Dewi DPRD', role: 'liaison', opds: [] },
    } as const;
    for (const [key, account] of Object.entries(accounts)) {
      await createUser(stack, { ...account, opds: [...account.opds], password });
      const session = await login(stack, account.email, password);
      people[key as keyof typeof people] = { id: session.user.id, name: session.user.name, token: session.accessToken };
    }
  }, 120_000);

  afterAll(async () => {
    clients.forEach((client) => client.socket.close());
    await stack?.stop();
  });

  it('tells who views and types on a mention to those who may see it, and who is online', async () => {
    const id = await newMention();
    const budi = await connect(people.budi);
    const siti = await connect(people.siti);
    const dishub = await connect(people.dishub);

    expect(await emit(budi, 'presence:heartbeat')).toMatchObject({ ok: true });
    expect(await emit(budi, 'presence:view', { mentionId: id })).toMatchObject({ ok: true, viewers: [{ id: people.budi.id, typing: false }] });
    const typedAt = Date.now();
    expect(await emit(budi, 'presence:typing', { mentionId: id, typing: true })).toMatchObject({ ok: true });

    const seen = await waitFor('Siti to see Budi typing', async () =>
      siti.mentionPresence.find((p) => p.mentionId === id && p.viewers.some((v) => v.id === people.budi.id && v.typing && v.name === 'Budi Santoso')),
    );
    expect(seen.viewers).toHaveLength(1);
    // Reported, not asserted: speed belongs to benchmarks.
    console.info(`mentionPresence reached another admin ${Date.now() - typedAt} ms after typing started`);

    // Another OPD's admin may not look at it, and hears nothing about it.
    expect(await emit(dishub, 'presence:view', { mentionId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await emit(dishub, 'presence:typing', { mentionId: id, typing: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await emit(dishub, 'presence:view', { mentionId: randomUUID() })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await emit(dishub, 'presence:heartbeat')).toMatchObject({ ok: true });
    expect(dishub.mentionPresence.filter((p) => p.mentionId === id)).toEqual([]);
    expect(await emit(budi, 'presence:typing', { mentionId: id, typing: 'yes' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

    // Siti opens it too: a collision the dashboard warns about.
    expect(await emit(siti, 'presence:view', { mentionId: id })).toMatchObject({ ok: true });
    await waitFor('Budi to see Siti viewing', async () =>
      budi.mentionPresence.find((p) => p.mentionId === id && p.viewers.some((v) => v.id === people.siti.id)),
    );

    // Who is online: the supervisor sees all three, the admins only people sharing an OPD.
    const online = await call<PresenceList>('GET', '/presence', people.supervisor);
    expect(online.status).toBe(200);
    const byId = new Map(online.body.users.map((user) => [user.id, user]));
    expect(byId.get(people.budi.id)).toMatchObject({ name: 'Budi Santoso', role: 'admin', opds: ['DLH'], viewing: id });
    expect(byId.get(people.siti.id)).toMatchObject({ viewing: id });
    expect(byId.has(people.dishub.id)).toBe(true);
    const seenByDishub = await call<PresenceList>('GET', '/presence', people.dishub);
    expect(seenByDishub.body.users.map((user) => user.id)).toEqual([people.dishub.id]);
    expect((await call('GET', '/presence', people.liaison)).status).toBe(403);
    const listed = await waitFor('Siti to get an online list with Budi viewing the mention', async () =>
      siti.presence[siti.presence.length - 1]?.users.find((user) => user.id === people.budi.id && user.viewing === id),
    );
    expect(listed).toMatchObject({ name: 'Budi Santoso', role: 'admin' });
    expect(lastPresence(siti)).not.toContain(people.dishub.id);

    // Budi closes the dashboard: his view goes at once, his online status after the TTL.
    budi.socket.close();
    await waitFor('Siti to see Budi leave the mention', async () => {
      const latest = siti.mentionPresence.filter((p) => p.mentionId === id).pop();
      return latest && !latest.viewers.some((v) => v.id === people.budi.id) ? latest : undefined;
    });
    await waitFor(
      'Budi to drop from the online list',
      async () => (!lastPresence(siti).includes(people.budi.id) ? true : undefined),
      (PRESENCE_TTL_SECONDS + 10) * 1000,
    );
    const after = await call<PresenceList>('GET', '/presence', people.supervisor);
    expect(after.body.users.map((user) => user.id)).not.toContain(people.budi.id);
    expect(after.body.users.map((user) => user.id)).toContain(people.siti.id);
  }, 60_000);

  it('notifies colleagues @mentioned in a note, live and in their list, and reports handles it could not resolve', async () => {
    const id = await newMention();
    const siti = await connect(people.siti);
    const supervisor = await connect(people.supervisor);
    const dishub = await connect(people.dishub);

    const complete = await call<MentionableUser[]>('GET', `/users/mentionable?mentionId=${id}&q=si`, people.budi);
    expect(complete.status).toBe(200);
    expect(complete.body).toEqual([{ id: people.siti.id, name: 'Siti Aminah', handle: 'siti', role: 'admin' }]);
    const byHandle = await call<MentionableUser[]>('GET', `/users/mentionable?mentionId=${id}&q=%40dis`, people.budi);
    expect(byHandle.body).toEqual([]);
    const everyone = await call<MentionableUser[]>('GET', `/users/mentionable?mentionId=${id}`, people.budi);
    expect(everyone.body.map((user) => user.handle).sort()).toEqual(['siti', 'spv', 'super']);
    expect((await call('GET', `/users/mentionable?mentionId=${id}&q=si`, people.dishub)).status).toBe(404);

    const text = 'Sudah dicek ke lapangan, @siti tolong konfirmasi. Cc @nobody.here dan @dishub (email budi.s@sigap.test bukan handle).';
    const created = await call<NoteCreated>('POST', `/mentions/${id}/notes`, people.budi, { text });
    expect(created.status).toBe(201);
    expect(created.body.note).toMatchObject({
      mentionId: id,
      text,
      author: { id: people.budi.id, name: 'Budi Santoso', handle: 'budi.s' },
      mentionedUsers: [{ id: people.siti.id, name: 'Siti Aminah', handle: 'siti' }],
    });
    expect(created.body.unresolved).toEqual([
      { handle: 'nobody.here', reason: 'unknown' },
      { handle: 'dishub', reason: 'no_access' },
    ]);

    const live = await waitFor('Siti to be notified live', async () => siti.notifications.find((n) => n.mentionId === id));
    expect(live).toMatchObject({ kind: 'note_mention', userId: people.siti.id, actor: { id: people.budi.id, name: 'Budi Santoso' } });
    expect(String(live.payload['excerpt'])).toContain('@siti tolong konfirmasi');
    // Everyone who may see the mention gets the note itself live; another OPD does not.
    await waitFor('the supervisor to get the note live', async () => supervisor.notes.find((note) => note.id === created.body.note.id));
    expect(await emit(dishub, 'presence:heartbeat')).toMatchObject({ ok: true });
    expect(dishub.notes).toEqual([]);
    expect(dishub.notifications).toEqual([]);

    const list = await call<NotificationPage>('GET', '/notifications?unread=1', people.siti);
    expect(list.status).toBe(200);
    expect(list.body.items.map((n) => n.id)).toContain(live.id);
    expect(list.body.unreadCount).toBeGreaterThanOrEqual(1);
    // Own notifications only: Budi's list does not hold Siti's, and he cannot mark it read.
    const budis = await call<NotificationPage>('GET', '/notifications', people.budi);
    expect(budis.body.items.map((n) => n.id)).not.toContain(live.id);
    expect((await call<NotificationReadResult>('POST', '/notifications/read', people.budi, { ids: [live.id] })).body.updated).toBe(0);
    const read = await call<NotificationReadResult>('POST', '/notifications/read', people.siti, { ids: [live.id] });
    expect(read.body).toEqual({ updated: 1, unreadCount: list.body.unreadCount - 1 });
    expect((await call<NotificationPage>('GET', '/notifications?unread=1', people.siti)).body.items.map((n) => n.id)).not.toContain(live.id);
    expect((await call<NotificationReadResult>('POST', '/notifications/read', people.siti, { all: true })).body.unreadCount).toBe(0);
    expect((await call('POST', '/notifications/read', people.siti, {})).status).toBe(400);

    const notes = await call<MentionNote[]>('GET', `/mentions/${id}/notes`, people.siti);
    expect(notes.body.map((note) => note.id)).toEqual([created.body.note.id]);
    const { rows } = await stack.db.query(`SELECT actor_id, after FROM audit_log WHERE action = 'note.create' AND entity_id = $1`, [id]);
    expect(rows).toEqual([{ actor_id: people.budi.id, after: expect.objectContaining({ noteId: created.body.note.id, mentionedUserIds: [people.siti.id] }) }]);

    expect((await call('POST', `/mentions/${id}/notes`, people.dishub, { text: 'halo' })).status).toBe(404);
    expect((await call('GET', `/mentions/${id}/notes`, people.dishub)).status).toBe(404);
    expect((await call('POST', `/mentions/${id}/notes`, people.liaison, { text: 'halo' })).status).toBe(403);
    expect((await call('POST', `/mentions/${id}/notes`, people.budi, { text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await call('POST', `/mentions/${id}/notes`, people.budi, { text: '   ' })).status).toBe(400);
  }, 60_000);

  it('shows the conversation in time order: messages of the same citizen, claims, status changes with reason, notes', async () => {
    const author = { handle: `warga_${run}` };
    const first = await newMention({ author, postedAt: new Date(Date.now() - 60_000).toISOString() });
    expect((await call('POST', `/mentions/${first}/claim`, people.budi)).status).toBe(200);
    expect((await call('POST', `/mentions/${first}/status`, people.budi, { status: 'eskalasi', reason: 'butuh alat berat dari dinas' })).status).toBe(200);
    expect((await call('POST', `/mentions/${first}/notes`, people.budi, { text: 'Truk dijadwalkan besok pagi' })).status).toBe(201);
    const second = await newMention({ author, postedAt: new Date(Date.now() + 1_000).toISOString() });
    const unrelated = await newMention();

    const answer = await call<MentionTimeline>('GET', `/mentions/${first}/timeline`, people.siti);
    expect(answer.status).toBe(200);
    const items = answer.body.items;
    const index = (predicate: (item: (typeof items)[number]) => boolean) => items.findIndex(predicate);
    const firstMessage = index((item) => item.kind === 'message' && item.mentionId === first && item.current);
    const claim = index((item) => item.kind === 'claim' && item.actor?.id === people.budi.id && item.actor.name === 'Budi Santoso');
    const status = index((item) => item.kind === 'status' && item.to === 'eskalasi' && item.from === 'ditangani' && item.reason === 'butuh alat berat dari dinas');
    const note = index((item) => item.kind === 'note' && item.note.text === 'Truk dijadwalkan besok pagi');
    const secondMessage = index((item) => item.kind === 'message' && item.mentionId === second && !item.current);
    expect([firstMessage, claim, status, note, secondMessage].every((i) => i >= 0)).toBe(true);
    expect([firstMessage, claim, status, note, secondMessage]).toEqual([...[firstMessage, claim, status, note, secondMessage]].sort((a, b) => a - b));
    const secondItem = items[secondMessage];
    expect(secondItem.kind === 'message' && secondItem.ticketNumber).toMatch(/^BDG-\d{4}-\d{6}$/);
    expect(items.some((item) => item.kind === 'message' && item.mentionId === unrelated)).toBe(false);
    expect(items.filter((item) => item.kind === 'note')).toHaveLength(1);
    const times = items.map((item) => item.at);
    expect(times).toEqual([...times].sort());

    expect((await call('GET', `/mentions/${first}/timeline`, people.dishub)).status).toBe(404);
    expect((await call('GET', `/mentions/${first}/timeline`, people.liaison)).status).toBe(403);
  }, 60_000);
});
