import { randomUUID } from 'node:crypto';
import { SUPERADMIN, SUPERVISORS, type MatrixContext, type RouteCase } from './matrix';

/** A throwaway user, so changing or revoking it never touches the matrix's own actors. */
async function throwawayUser(ctx: MatrixContext): Promise<string> {
  const created = await ctx.asSuperadmin<{ id: string }>('POST', '/users', {
    email: `throwaway-${randomUUID()}@sigap.test`,
    name: 'Throwaway',
    password: 'throwaway-password',
    role: 'admin',
    opds: ['DLH'],
  });
  if (created.status !== 201) throw new Error(`could not create a throwaway user: ${created.status}`);
  return created.body.id;
}

/**
 * User management, sessions and the audit browser. Not here, and covered in
 * tests/e2e/accounts.e2e.test.ts instead: `POST /auth/logout` (it would end the matrix actor's
 * own session for every later case) and `GET /audit/export.csv` (its body is CSV, not JSON).
 */
export const ACCOUNTS_ROUTES: RouteCase[] = [
  { method: 'GET', route: '/users', prepare: async () => ({ path: '/users' }), allowed: SUPERADMIN },
  {
    method: 'POST',
    route: '/users',
    prepare: async () => ({
      path: '/users',
      body: { email: `matrix-${randomUUID()}@sigap.test`, name: 'Matrix user', password: 'matrix-password', role: 'admin', opds: ['DLH'] },
    }),
    allowed: SUPERADMIN,
  },
  {
    method: 'PATCH',
    route: '/users/:id',
    prepare: async (ctx) => ({ path: `/users/${await throwawayUser(ctx)}`, body: { name: 'Renamed' } }),
    allowed: SUPERADMIN,
  },
  {
    method: 'GET',
    route: '/users/:id/sessions',
    prepare: async (ctx) => ({ path: `/users/${ctx.userIds.admin}/sessions` }),
    allowed: SUPERADMIN,
  },
  {
    method: 'POST',
    route: '/users/:id/sessions/revoke',
    prepare: async (ctx) => ({ path: `/users/${await throwawayUser(ctx)}/sessions/revoke` }),
    allowed: SUPERADMIN,
  },
  { method: 'GET', route: '/audit', prepare: async () => ({ path: '/audit?limit=5&action=auth.' }), allowed: SUPERVISORS },
];
