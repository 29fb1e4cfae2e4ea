import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { io, type Socket } from 'socket.io-client';
import type { LiveHello, Mention, MentionPage } from '@sigap/contracts';
import { createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';

const FLOOD = 'Tolong! Banjir sedada di Gedebage, warga terjebak di atap rumah, butuh evakuasi sekarang';
const KTP = 'Min, KTP elektronik saya sudah 3 bulan belum jadi di Disdukcapil, gimana ya?';

interface LiveClient {
  socket: Socket;
  received: Mention[];
  hellos: LiveHello[];
}

function connect(stack: Stack, token: string, since?: number): Promise<LiveClient> {
  const client: LiveClient = {
    socket: io(`${stack.baseUrl}/live`, { auth: { token, since }, transports: ['websocket'], reconnection: false, forceNew: true }),
    received: [],
    hellos: [],
  };
  client.socket.on('mentions', (batch: Mention[]) => client.received.push(...batch));
  client.socket.on('hello', (hello: LiveHello) => client.hellos.push(hello));
  return new Promise((resolve, reject) => {
    client.socket.once('hello', () => resolve(client));
    client.socket.once('connect_error', (err) => reject(err));
  });
}

function refused(stack: Stack, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = io(`${stack.baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
    socket.once('hello', () => {
      socket.close();
      reject(new Error('connection was accepted'));
    });
  });
}

describe('live: a mention posted to the API reaches the right dashboards', () => {
  let stack: Stack;
  let tokens: Record<'damkar' | 'capil' | 'supervisor' | 'liaison', string>;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    stack = await startStack();
    const password = 'rahasia-sekali-123';
    await createUser(stack, { email: 'damkar@sigap.test', password, role: 'admin', opds: ['DISKARPB'] });
    await createUser(stack, { email: 'capil@sigap.test', password, role: 'admin', opds: ['DISDUKCAPIL'] });
    await createUser(stack, { email: 'spv@sigap.test', password, role: 'supervisor' });
    await createUser(stack, { email: 'dprd@sigap.test', password, role: 'liaison' });
    tokens = {
      damkar: (await login(stack, 'damkar@sigap.test', password)).accessToken,
      capil: (await login(stack, 'capil@sigap.test', password)).accessToken,
      supervisor: (await login(stack, 'spv@sigap.test', password)).accessToken,
      liaison: (await login(stack, 'dprd@sigap.test', password)).accessToken,
    };
  });

  afterAll(async () => {
    clients.forEach((c) => c.socket.close());
    await stack?.stop();
  });

  const track = async (client: Promise<LiveClient>) => {
    const c = await client;
    clients.push(c);
    return c;
  };

  it('delivers a flood report to the fire department and the supervisor, not to civil registration', async () => {
    const damkar = await track(connect(stack, tokens.damkar));
    const capil = await track(connect(stack, tokens.capil));
    const supervisor = await track(connect(stack, tokens.supervisor));
    const id = `flood-${randomUUID()}`;
    const ktpId = `ktp-${randomUUID()}`;
    expect((await postMentions(stack, mention(id, FLOOD))).status).toBe(202);
    expect((await postMentions(stack, mention(ktpId, KTP))).status).toBe(202);

    await waitFor('the flood report at DISKARPB', async () => (damkar.received.some((m) => m.externalId === id) ? true : undefined));
    await waitFor('both at the supervisor', async () =>
      supervisor.received.some((m) => m.externalId === id) && supervisor.received.some((m) => m.externalId === ktpId) ? true : undefined,
    );
    await waitFor('the KTP question at DISDUKCAPIL', async () => (capil.received.some((m) => m.externalId === ktpId) ? true : undefined));

    const flood = damkar.received.find((m) => m.externalId === id) as Mention;
    expect(flood.opdCodes).toContain('DISKARPB');
    expect(flood.urgency).toBe('critical');
    expect(flood.tags.reasons.length).toBeGreaterThan(0);
    // The KTP question arrived after the flood report, so by now capil would have had the flood too.
    expect(capil.received.some((m) => m.externalId === id)).toBe(false);
    expect(damkar.received.some((m) => m.externalId === ktpId)).toBe(false);
    for (const client of [damkar, capil, supervisor]) {
      const seqs = client.received.map((m) => m.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
  });

  it('replays exactly the missed mentions, in order, when a client reconnects with since', async () => {
    const first = await track(connect(stack, tokens.supervisor));
    const before = `gap-before-${randomUUID()}`;
    await postMentions(stack, mention(before, 'Lampu PJU mati di Jl. Pasteur depan BTC'));
    await waitFor('the mention before the gap', async () => (first.received.some((m) => m.externalId === before) ? true : undefined));
    const lastSeq = Math.max(...first.received.map((m) => m.seq));
    first.socket.close();

    const missedIds = Array.from({ length: 25 }, (_, i) => `gap-${i}-${randomUUID()}`);
    const response = await postMentions(stack, {
      items: missedIds.map((id, i) => mention(id, `Pohon tumbang menimpa mobil di Jl. Dago nomor ${i}`)),
    });
    expect(response.status).toBe(202);
    await waitFor('the missed mentions stored', async () => {
      const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM mentions WHERE external_id = ANY($1)', [missedIds]);
      return rows[0].n === missedIds.length ? true : undefined;
    });
    // Wait until the server has broadcast them (to nobody), so the replay path, not the live path, delivers them.
    await new Promise((r) => setTimeout(r, 500));

    const back = await track(connect(stack, tokens.supervisor, lastSeq));
    const after = `gap-after-${randomUUID()}`;
    await postMentions(stack, mention(after, 'Terima kasih Pemkot, jalan di Antapani sudah mulus'));
    await waitFor('the mention after reconnecting', async () => (back.received.some((m) => m.externalId === after) ? true : undefined));

    const seqs = back.received.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.every((s) => s > lastSeq)).toBe(true);
    const replayed = back.received.filter((m) => missedIds.includes(m.externalId)).map((m) => m.externalId);
    expect(new Set(replayed)).toEqual(new Set(missedIds));
    expect(replayed).toHaveLength(missedIds.length);
    expect(back.hellos[0].replayed).toBe(back.received.filter((m) => m.externalId !== after).length);
    // Nothing from before the gap comes again.
    expect(back.received.some((m) => m.externalId === before)).toBe(false);
  });

  it('refuses bad and expired tokens', async () => {
    expect(await refused(stack, 'not-a-token')).toMatch(/unauthorized/);
    const [, payload] = tokens.supervisor.split('.');
    const tampered = `${tokens.supervisor.split('.')[0]}.${payload}x.${tokens.supervisor.split('.')[2]}`;
    expect(await refused(stack, tampered)).toMatch(/unauthorized/);
    // Liaisons are let in, to a room of masked batches (tests/e2e/accounts.e2e.test.ts).
    const liaison = await connect(stack, tokens.liaison);
    liaison.socket.close();
    const supervisorClaims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const expired = new JwtService({ secret: stack.env.JWT_SECRET }).sign({
      sub: supervisorClaims.sub,
      role: supervisorClaims.role,
      opds: supervisorClaims.opds,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expect(await refused(stack, expired)).toMatch(/unauthorized/);
    expect((await fetch(`${stack.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
  });

  it('scopes REST reads the same way: an admin cannot read another OPD\'s mention by id', async () => {
    const id = `rest-${randomUUID()}`;
    await postMentions(stack, mention(id, FLOOD));
    const headers = (token: string) => ({ authorization: `Bearer ${token}` });
    let mentionId = '';
    await waitFor('the flood report stored', async () => {
      const page = (await (await fetch(`${stack.baseUrl}/api/v1/mentions?q=${encodeURIComponent('Gedebage')}&limit=200`, { headers: headers(tokens.supervisor) })).json()) as MentionPage;
      mentionId = page.items.find((m) => m.externalId === id)?.id ?? '';
      return mentionId ? true : undefined;
    });
    expect((await fetch(`${stack.baseUrl}/api/v1/mentions/${mentionId}`, { headers: headers(tokens.damkar) })).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/api/v1/mentions/${mentionId}`, { headers: headers(tokens.capil) })).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/api/v1/mentions`, { headers: headers(tokens.liaison) })).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/api/v1/mentions`)).status).toBe(401);
    const capilPage = (await (await fetch(`${stack.baseUrl}/api/v1/mentions?limit=200`, { headers: headers(tokens.capil) })).json()) as MentionPage;
    expect(capilPage.items.every((m) => m.opdCodes.length === 0 || m.opdCodes.includes('DISDUKCAPIL'))).toBe(true);
  });
});
