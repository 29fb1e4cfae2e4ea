import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { LIVE_NAMESPACE } from '@sigap/contracts';
import { apiCall, createUser, login, mention, postMentions, startStack, waitFor, type Stack } from '../support/stack';
import { ACCOUNTS_ROUTES } from '../support/authz/accounts.cases';
import { CHANNELS_ROUTES } from '../support/authz/channels.cases';
import { CORE_ROUTES } from '../support/authz/core.cases';
import { COLLAB_ROUTES, COLLAB_SOCKET_EVENTS } from '../support/authz/collab.cases';
import { DESK_GAPS_ROUTES } from '../support/authz/desk-gaps.cases';
import { DISPATCH_ROUTES } from '../support/authz/dispatch.cases';
import { OPDS_ROUTES } from '../support/authz/opds.cases';
import { REPLIES_ROUTES } from '../support/authz/replies.cases';
import { SETTINGS_ROUTES } from '../support/authz/settings.cases';
import { VIEWS_ROUTES } from '../support/authz/views.cases';
import { TICKETS_ROUTES } from '../support/authz/tickets.cases';
import { MATRIX_ACTORS, type MatrixActor, type MatrixContext, type RouteCase, type SocketCase } from '../support/authz/matrix';

const ROUTES: RouteCase[] = [...CORE_ROUTES, ...ACCOUNTS_ROUTES, ...REPLIES_ROUTES, ...VIEWS_ROUTES, ...COLLAB_ROUTES, ...DISPATCH_ROUTES, ...DESK_GAPS_ROUTES, ...OPDS_ROUTES, ...CHANNELS_ROUTES, ...SETTINGS_ROUTES, ...TICKETS_ROUTES];
const SOCKET_EVENTS: SocketCase[] = [...COLLAB_SOCKET_EVENTS];

const REFUSED = [401, 403, 404];
const SIGNED_IN_ACTORS = MATRIX_ACTORS.filter((actor) => actor !== 'anonymous');

/**
 * Every endpoint and client socket event × every role. The matrix's mentions belong to DLH; an
 * admin of DISHUB must be refused on each of them by id, like a liaison on anything that acts.
 * Allowed means "not refused": the answer may still be 400 or 409 for reasons of its own.
 */
describe('authorisation matrix', () => {
  let stack: Stack;
  let ctx: MatrixContext;
  const run = randomUUID().slice(0, 8);
  let serial = 0;

  beforeAll(async () => {
    stack = await startStack();
    const password = `matrix-${run}-pw`;
    const accounts: Record<Exclude<MatrixActor, 'anonymous' | 'superadmin'>, { role: 'liaison' | 'admin' | 'supervisor'; opds?: string[] }> = {
      liaison: { role: 'liaison' },
      adminOtherOpd: { role: 'admin', opds: ['DISHUB'] },
      admin: { role: 'admin', opds: ['DLH'] },
      supervisor: { role: 'supervisor' },
    };
    const tokens = { anonymous: null } as Record<MatrixActor, string | null>;
    const userIds = { anonymous: null } as Record<MatrixActor, string | null>;
    for (const [actor, account] of Object.entries(accounts)) {
      const email = `${actor.toLowerCase()}-${run}@sigap.test`;
      await createUser(stack, { email, password, name: `Matrix ${actor}`, ...account });
      const session = await login(stack, email, password);
      tokens[actor as MatrixActor] = session.accessToken;
      userIds[actor as MatrixActor] = session.user.id;
    }
    const superadmin = await login(stack, stack.admin.email, stack.admin.password);
    tokens.superadmin = superadmin.accessToken;
    userIds.superadmin = superadmin.user.id;

    ctx = {
      stack,
      db: stack.db,
      tokens,
      userIds,
      asSuperadmin: (method, path, body) => apiCall(stack, method, path, superadmin.accessToken, body),
      async freshMention() {
        const externalId = `matrix-${run}-${++serial}`;
        const text = `sampah numpuk di TPS pasar ${serial} sudah seminggu belum diangkut, bau banget`;
        expect((await postMentions(stack, mention(externalId, text))).status).toBe(202);
        const row = await waitFor(`mention ${externalId}`, async () => {
          const { rows } = await stack.db.query<{ id: string }>(
            `SELECT id FROM mentions WHERE external_id = $1`,
            [externalId],
          );
          return rows[0];
        });
        // Routed to DLH only, so DISHUB's admin has no claim on it.
        await stack.db.query(`UPDATE mentions SET opd_codes = '{DLH}' WHERE id = $1`, [row.id]);
        return row.id;
      },
    };
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe.each(ROUTES.map((route) => [`${route.method} ${route.route}`, route] as const))('%s', (_name, route) => {
    it.each(MATRIX_ACTORS.map((actor) => [actor, route.allowed.includes(actor) ? 'allowed' : 'refused'] as const))(
      '%s is %s',
      async (actor, verdict) => {
        const { path, body } = await route.prepare(ctx, actor);
        const answer = await apiCall<unknown>(stack, route.method, path, ctx.tokens[actor], body);
        if (verdict === 'allowed') {
          if (REFUSED.includes(answer.status)) throw new Error(`${actor} was refused (${answer.status}): ${JSON.stringify(answer.body)}`);
          expect(answer.status).toBeLessThan(500);
        } else if (actor === 'anonymous') {
          expect(answer.status).toBe(401);
        } else {
          expect(REFUSED.slice(1)).toContain(answer.status);
        }
      },
      30_000,
    );
  });

  if (SOCKET_EVENTS.length > 0) {
    describe.each(SOCKET_EVENTS.map((event) => [event.event, event] as const))('socket event %s', (_name, event) => {
      it.each(SIGNED_IN_ACTORS.map((actor) => [actor, event.allowed.includes(actor) ? 'allowed' : 'refused'] as const))(
        '%s is %s',
        async (actor, verdict) => {
          const payload = await event.prepare(ctx, actor);
          const socket = io(`${stack.baseUrl}${LIVE_NAMESPACE}`, { auth: { token: ctx.tokens[actor] }, transports: ['websocket'], forceNew: true });
          try {
            const connected = await new Promise<boolean>((resolve) => {
              socket.once('connect', () => resolve(true));
              socket.once('connect_error', () => resolve(false));
            });
            if (!connected) {
              // Refusing the whole connection refuses the event too.
              expect(verdict).toBe('refused');
              return;
            }
            const ack = (await socket.timeout(5_000).emitWithAck(event.event, payload)) as { ok: boolean; code?: string };
            if (verdict === 'allowed') expect(ack).toMatchObject({ ok: true });
            else expect(['FORBIDDEN', 'NOT_FOUND']).toContain(ack.code);
          } finally {
            socket.disconnect();
          }
        },
        30_000,
      );
    });
  }

  it('refuses an anonymous socket connection', async () => {
    const socket = io(`${stack.baseUrl}${LIVE_NAMESPACE}`, { auth: {}, transports: ['websocket'], forceNew: true });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(error.message).toMatch(/unauthori[sz]ed/);
  });
});
