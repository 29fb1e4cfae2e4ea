import { DESK_OF_DLH, SUPERVISORS, type MatrixContext, type RouteCase } from './matrix';

const HOUR = 3600_000;

/** A shift of the matrix's DLH admin, starting an hour from now. */
const shiftBody = (ctx: MatrixContext) => ({
  opdCode: 'DLH',
  userId: ctx.userIds.admin,
  startsAt: new Date(Date.now() + HOUR).toISOString(),
  endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
  roleInShift: 'admin',
});

/** The rota, assignment and bulk actions. */
export const DISPATCH_ROUTES: RouteCase[] = [
  // Admins of any OPD read the rota (filtered to their own OPDs); liaisons do not.
  { method: 'GET', route: '/rota', prepare: async () => ({ path: '/rota?opd=DLH' }), allowed: ['adminOtherOpd', ...DESK_OF_DLH] },
  { method: 'GET', route: '/rota/on-call', prepare: async () => ({ path: '/rota/on-call' }), allowed: ['adminOtherOpd', ...DESK_OF_DLH] },
  { method: 'GET', route: '/rota/people', prepare: async () => ({ path: '/rota/people' }), allowed: SUPERVISORS },
  { method: 'POST', route: '/rota', prepare: async (ctx) => ({ path: '/rota', body: shiftBody(ctx) }), allowed: SUPERVISORS },
  {
    method: 'DELETE',
    route: '/rota/:id',
    prepare: async (ctx) => {
      const created = await ctx.asSuperadmin<{ id: string }>('POST', '/rota', shiftBody(ctx));
      return { path: `/rota/${created.body.id}` };
    },
    allowed: SUPERVISORS,
  },
  {
    method: 'POST',
    route: '/mentions/:id/assign',
    prepare: async (ctx) => ({ path: `/mentions/${await ctx.freshMention()}/assign`, body: { userId: ctx.userIds.admin } }),
    allowed: SUPERVISORS,
  },
  {
    method: 'POST',
    route: '/mentions/bulk',
    // Outside an admin's OPDs each item is reported NOT_FOUND in a 200 answer; nothing is changed.
    prepare: async (ctx) => ({ path: '/mentions/bulk', body: { ids: [await ctx.freshMention()], action: { kind: 'tag', add: ['matrix'] } } }),
    allowed: ['adminOtherOpd', ...DESK_OF_DLH],
  },
];
